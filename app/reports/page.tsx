import { documentListRoute } from "@/app/_lib/document-routes";

const route = documentListRoute("report");
export const metadata = route.metadata;
export default route.Page;
