-- One-character queries (水, 税) are substrings that no trigram or word index serves: index the
-- set of characters of each paragraph instead (see docs/decisions/0001-chinese-search.md).
-- Hand-written: Prisma cannot declare an expression index, and its diff does not see this one.
CREATE INDEX "Paragraph_chars_idx" ON "Paragraph" USING GIN (string_to_array("normText", NULL));
