-- Keep paragraph rows whole, uncompressed and inline up to a full page (see docs/decisions/0001-chinese-search.md).
-- With the default target (about 2 kB) most paragraphs had their tsvector moved to the TOAST
-- table, and every scored candidate paid an extra index lookup and read to fetch it back.
-- Hand-written: Prisma does not model storage parameters, so diffs stay clean.
ALTER TABLE "Paragraph" SET (toast_tuple_target = 8160);

-- Rewrite existing rows under the new target (the generated tsvector is stored again).
UPDATE "Paragraph" SET "searchTitle" = "searchTitle";
