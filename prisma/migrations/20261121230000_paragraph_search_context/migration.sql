-- The titles of the chapter and sections a plan node sits under join its paragraphs' full-text
-- vector at the lowest weight, D: a subsection of the chapter on 京津冀 cooperation is found by
-- 京津冀 产业 although its own text says 京冀 and 津冀. (Documents leave the column empty.)
-- Hand-edited like the search_index migration: the generated column is dropped and added again
-- with the new expression, which schema.prisma repeats as a dbgenerated default.
ALTER TABLE "Paragraph" ADD COLUMN "searchContext" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Paragraph" DROP COLUMN "search";

ALTER TABLE "Paragraph" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, "searchTitle"), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, "searchHeading"), 'B'::"char") || setweight(to_tsvector('simple'::regconfig, "searchBody"), 'C'::"char") || setweight(to_tsvector('simple'::regconfig, "searchContext"), 'D'::"char")) STORED;

-- CreateIndex
CREATE INDEX "Paragraph_search_idx" ON "Paragraph" USING GIN ("search");
