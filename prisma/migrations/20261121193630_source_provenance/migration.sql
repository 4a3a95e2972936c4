-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "datePrecision" TEXT NOT NULL DEFAULT 'day',
ADD COLUMN     "parserVersion" TEXT NOT NULL DEFAULT '';
