import { documentRoute } from "@/components/documents/document-page";

const route = documentRoute("speech");
export const generateMetadata = route.generateMetadata;
export default route.Page;
