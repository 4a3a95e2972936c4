-- Full-text search over paragraphs (see docs/decisions/0001-chinese-search.md).
-- Hand-edited: Prisma cannot express the extension or a generated column, so schema.prisma
-- declares the same expression as a dbgenerated default and diffs stay clean.
-- (No semicolons in comments: the driver adapter splits scripts on them.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Paragraph" ADD COLUMN     "normText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchBody" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchHeading" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Paragraph" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "searchTitle"), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, "searchHeading"), 'B'::"char") || setweight(to_tsvector('simple'::regconfig, "searchBody"), 'C'::"char")) STORED;

-- CreateIndex
CREATE INDEX "Paragraph_search_idx" ON "Paragraph" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Paragraph_normText_idx" ON "Paragraph" USING GIN ("normText" gin_trgm_ops);
