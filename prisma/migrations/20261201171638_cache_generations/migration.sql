-- CreateTable
CREATE TABLE "CacheGeneration" (
    "tag" TEXT NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheGeneration_pkey" PRIMARY KEY ("tag")
);
