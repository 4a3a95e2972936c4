import { documentListRoute } from "@/app/_lib/document-routes";

const route = documentListRoute("proposal");
export const metadata = route.metadata;
export default route.Page;
