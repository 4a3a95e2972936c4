import { documentRoute } from "@/app/_lib/document-routes";

const route = documentRoute("proposal");
export const generateMetadata = route.generateMetadata;
export default route.Page;
