import { documentRoute } from "@/components/documents/document-page";

const route = documentRoute("proposal");
export const generateMetadata = route.generateMetadata;
export default route.Page;
