-- CreateEnum
CREATE TYPE "TestRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "BulkRunStatus" AS ENUM ('RUNNING', 'DONE');

-- CreateTable
CREATE TABLE "ConnectionTest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "mailboxId" TEXT NOT NULL,
    "appRegistrationId" TEXT NOT NULL,
    "bulkRunId" TEXT,
    "startedById" TEXT,
    "status" "TestRunStatus" NOT NULL DEFAULT 'QUEUED',
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "recipient" TEXT,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "errorCode" TEXT,
    "diagnosis" JSONB,
    "microsoftIds" JSONB NOT NULL DEFAULT '{}',
    "upstreamCalls" INTEGER NOT NULL DEFAULT 0,
    "upstreamMs" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ConnectionTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "appRegistrationId" TEXT,
    "startedById" TEXT,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "recipient" TEXT,
    "status" "BulkRunStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TokenCache" (
    "appRegistrationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "tokenAcquiredAt" TIMESTAMP(3),
    "tokenExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenCache_pkey" PRIMARY KEY ("appRegistrationId")
);

-- CreateIndex
CREATE INDEX "ConnectionTest_mailboxId_createdAt_idx" ON "ConnectionTest"("mailboxId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectionTest_bulkRunId_status_idx" ON "ConnectionTest"("bulkRunId", "status");

-- CreateIndex
CREATE INDEX "ConnectionTest_status_claimedAt_idx" ON "ConnectionTest"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "ConnectionTest_workspaceId_createdAt_idx" ON "ConnectionTest"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkRun_workspaceId_createdAt_idx" ON "BulkRun"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConnectionTest" ADD CONSTRAINT "ConnectionTest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionTest" ADD CONSTRAINT "ConnectionTest_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionTest" ADD CONSTRAINT "ConnectionTest_appRegistrationId_fkey" FOREIGN KEY ("appRegistrationId") REFERENCES "AppRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionTest" ADD CONSTRAINT "ConnectionTest_bulkRunId_fkey" FOREIGN KEY ("bulkRunId") REFERENCES "BulkRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionTest" ADD CONSTRAINT "ConnectionTest_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkRun" ADD CONSTRAINT "BulkRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenCache" ADD CONSTRAINT "TokenCache_appRegistrationId_fkey" FOREIGN KEY ("appRegistrationId") REFERENCES "AppRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
