-- CreateEnum
CREATE TYPE "Level" AS ENUM ('district', 'municipal');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('speech', 'proposal', 'report');

-- CreateEnum
CREATE TYPE "PlanNodeKind" AS ENUM ('preface', 'chapter', 'section', 'subsection');

-- CreateEnum
CREATE TYPE "PlanTargetKind" AS ENUM ('goal', 'target', 'achievement');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "level" "Level" NOT NULL,
    "date" DATE,
    "lineCount" INTEGER NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "date" DATE,
    "authoringOffice" TEXT,
    "lineStart" INTEGER NOT NULL,
    "lineEnd" INTEGER NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentPerson" (
    "documentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT,
    "affiliation" TEXT,

    CONSTRAINT "DocumentPerson_pkey" PRIMARY KEY ("documentId","personId")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" TEXT NOT NULL,
    "documentId" TEXT,
    "planNodeId" TEXT,
    "n" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "headingLevel" INTEGER,
    "lineStart" INTEGER NOT NULL,
    "lineEnd" INTEGER NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "metadata" JSONB NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanNode" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentId" TEXT,
    "kind" "PlanNodeKind" NOT NULL,
    "path" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "lineStart" INTEGER NOT NULL,
    "lineEnd" INTEGER NOT NULL,

    CONSTRAINT "PlanNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanFigure" (
    "id" TEXT NOT NULL,
    "planNodeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "missing" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PlanFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanTarget" (
    "id" TEXT NOT NULL,
    "planNodeId" TEXT NOT NULL,
    "kind" "PlanTargetKind" NOT NULL,
    "text" TEXT NOT NULL,
    "indicator" TEXT,
    "value" TEXT,
    "valueNumber" DOUBLE PRECISION,
    "unit" TEXT,
    "year" INTEGER,
    "comparator" TEXT,
    "lineStart" INTEGER NOT NULL,
    "paragraphN" INTEGER,

    CONSTRAINT "PlanTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_file_key" ON "Source"("file");

-- CreateIndex
CREATE INDEX "Document_kind_idx" ON "Document"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Document_sourceId_ordinal_key" ON "Document"("sourceId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");

-- CreateIndex
CREATE INDEX "DocumentPerson_personId_idx" ON "DocumentPerson"("personId");

-- CreateIndex
CREATE INDEX "Paragraph_documentId_n_idx" ON "Paragraph"("documentId", "n");

-- CreateIndex
CREATE INDEX "Paragraph_planNodeId_n_idx" ON "Paragraph"("planNodeId", "n");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_sourceId_key" ON "Plan"("sourceId");

-- CreateIndex
CREATE INDEX "PlanNode_parentId_idx" ON "PlanNode"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanNode_planId_path_key" ON "PlanNode"("planId", "path");

-- CreateIndex
CREATE INDEX "PlanTarget_planNodeId_idx" ON "PlanTarget"("planNodeId");

-- CreateIndex
CREATE INDEX "PlanTarget_kind_idx" ON "PlanTarget"("kind");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentPerson" ADD CONSTRAINT "DocumentPerson_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentPerson" ADD CONSTRAINT "DocumentPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_planNodeId_fkey" FOREIGN KEY ("planNodeId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNode" ADD CONSTRAINT "PlanNode_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNode" ADD CONSTRAINT "PlanNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanFigure" ADD CONSTRAINT "PlanFigure_planNodeId_fkey" FOREIGN KEY ("planNodeId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTarget" ADD CONSTRAINT "PlanTarget_planNodeId_fkey" FOREIGN KEY ("planNodeId") REFERENCES "PlanNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
