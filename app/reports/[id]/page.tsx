import { documentRoute } from "@/app/_lib/document-routes";

const route = documentRoute("report");
export const generateMetadata = route.generateMetadata;
export default route.Page;
