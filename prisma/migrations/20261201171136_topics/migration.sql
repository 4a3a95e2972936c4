-- CreateEnum
CREATE TYPE "TopicSubject" AS ENUM ('document', 'plan_node', 'paragraph');

-- CreateEnum
CREATE TYPE "TopicDecisionStatus" AS ENUM ('added', 'removed', 'automatic');

-- CreateTable
CREATE TABLE "TopicAssignment" (
    "id" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "subjectKind" "TopicSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "documentId" TEXT,
    "planPath" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "bestParagraphId" TEXT,
    "terms" TEXT[],
    "runId" TEXT NOT NULL,

    CONSTRAINT "TopicAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicRun" (
    "id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "documents" INTEGER NOT NULL,
    "planNodes" INTEGER NOT NULL,
    "assignments" INTEGER NOT NULL,

    CONSTRAINT "TopicRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicDecision" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "documentSourceId" TEXT NOT NULL,
    "documentTitle" TEXT NOT NULL,
    "topicSlug" TEXT NOT NULL,
    "status" "TopicDecisionStatus" NOT NULL,
    "note" TEXT,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "orphanedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicEvent" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TopicAssignment_topicSlug_subjectKind_idx" ON "TopicAssignment"("topicSlug", "subjectKind");

-- CreateIndex
CREATE INDEX "TopicAssignment_documentId_idx" ON "TopicAssignment"("documentId");

-- CreateIndex
CREATE INDEX "TopicAssignment_planPath_idx" ON "TopicAssignment"("planPath");

-- CreateIndex
CREATE UNIQUE INDEX "TopicAssignment_subjectKind_subjectId_topicSlug_key" ON "TopicAssignment"("subjectKind", "subjectId", "topicSlug");

-- CreateIndex
CREATE INDEX "TopicRun_finishedAt_idx" ON "TopicRun"("finishedAt");

-- CreateIndex
CREATE INDEX "TopicDecision_topicSlug_idx" ON "TopicDecision"("topicSlug");

-- CreateIndex
CREATE UNIQUE INDEX "TopicDecision_documentId_topicSlug_key" ON "TopicDecision"("documentId", "topicSlug");

-- CreateIndex
CREATE INDEX "TopicEvent_decisionId_at_idx" ON "TopicEvent"("decisionId", "at");

-- CreateIndex
CREATE INDEX "TopicEvent_at_idx" ON "TopicEvent"("at");

-- AddForeignKey
ALTER TABLE "TopicEvent" ADD CONSTRAINT "TopicEvent_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "TopicDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
