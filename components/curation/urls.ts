/** A link's public page: the link, its evidence and its history. (Its home should be lib/urls.ts.) */
export const linkRecordUrl = (id: string) => `/links/${encodeURIComponent(id)}`;
export const EDITOR_PATH = "/editor";
