/**
 * The editor the end-to-end server creates in its throwaway database (through `npm run
 * editor:add`'s script, password on stdin) and the curation test signs in as. Test-only
 * credentials: the database they live in is dropped when the server stops.
 */
export const E2E_EDITOR = { name: "e2e编辑", password: "Curation-test-2025!" } as const;
