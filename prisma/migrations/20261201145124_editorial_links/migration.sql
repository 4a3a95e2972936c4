-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('suggested', 'confirmed', 'rejected');

-- CreateEnum
CREATE TYPE "LinkOrigin" AS ENUM ('machine', 'editor');

-- CreateEnum
CREATE TYPE "LinkBand" AS ENUM ('strong', 'medium', 'weak');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "indexVersion" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Link" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "documentSourceId" TEXT NOT NULL,
    "documentTitle" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planPath" TEXT NOT NULL,
    "planNodeTitle" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL DEFAULT '',
    "targetId" TEXT,
    "targetText" TEXT,
    "origin" "LinkOrigin" NOT NULL,
    "status" "LinkStatus" NOT NULL,
    "orphanedAt" TIMESTAMP(3),
    "orphanReason" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "band" "LinkBand" NOT NULL,
    "method" TEXT NOT NULL,
    "methodVersion" TEXT NOT NULL,
    "note" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkEvidence" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "paragraphId" TEXT,
    "paragraphFingerprint" TEXT NOT NULL,
    "paragraphQuote" TEXT NOT NULL,
    "planParagraphId" TEXT,
    "planParagraphFingerprint" TEXT NOT NULL,
    "planParagraphQuote" TEXT NOT NULL,
    "terms" TEXT[],
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "LinkEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkRun" (
    "id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "corpusStamp" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "documents" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "removed" INTEGER NOT NULL,
    "kept" INTEGER NOT NULL,

    CONSTRAINT "LinkRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Link_planId_planPath_idx" ON "Link"("planId", "planPath");

-- CreateIndex
CREATE INDEX "Link_status_idx" ON "Link"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Link_documentId_planId_planPath_targetKey_key" ON "Link"("documentId", "planId", "planPath", "targetKey");

-- CreateIndex
CREATE INDEX "LinkEvidence_linkId_rank_idx" ON "LinkEvidence"("linkId", "rank");

-- CreateIndex
CREATE INDEX "LinkRun_finishedAt_idx" ON "LinkRun"("finishedAt");

-- AddForeignKey
ALTER TABLE "LinkEvidence" ADD CONSTRAINT "LinkEvidence_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;
