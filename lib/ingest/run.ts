/** Placeholder until the ingestion issue lands: the corpus loader hook called by `npm start`. */
export async function ensureCorpusLoaded(_url: string, log: (m: string) => void): Promise<void> {
  log("Corpus loading is not implemented yet.");
}
