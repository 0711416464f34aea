-- CreateEnum
CREATE TYPE "Cloud" AS ENUM ('GLOBAL', 'USGOV', 'USGOVDOD', 'CHINA', 'SANDBOX');

-- CreateEnum
CREATE TYPE "PermissionMode" AS ENUM ('APPLICATION', 'DELEGATED');

-- CreateEnum
CREATE TYPE "MailboxStatus" AS ENUM ('UNTESTED', 'HEALTHY', 'FAILING', 'RECONNECT_REQUIRED');

-- CreateTable
CREATE TABLE "AppRegistration" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "cloud" "Cloud" NOT NULL DEFAULT 'GLOBAL',
    "tenant" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "permissionMode" "PermissionMode" NOT NULL DEFAULT 'APPLICATION',
    "clientSecretSealed" TEXT NOT NULL,
    "clientSecretHint" TEXT NOT NULL,
    "secretExpiresOn" DATE NOT NULL,
    "secretReplacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "appRegistrationId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "status" "MailboxStatus" NOT NULL DEFAULT 'UNTESTED',
    "lastTestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "targetLabel" TEXT,
    "ipAddress" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppRegistration_workspaceId_createdAt_idx" ON "AppRegistration"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Mailbox_appRegistrationId_address_idx" ON "Mailbox"("appRegistrationId", "address");

-- CreateIndex
CREATE INDEX "Mailbox_workspaceId_status_address_idx" ON "Mailbox"("workspaceId", "status", "address");

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_workspaceId_address_key" ON "Mailbox"("workspaceId", "address");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_createdAt_idx" ON "AuditEvent"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_createdAt_idx" ON "AuditEvent"("workspaceId", "action", "createdAt");

-- AddForeignKey
ALTER TABLE "AppRegistration" ADD CONSTRAINT "AppRegistration_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppRegistration" ADD CONSTRAINT "AppRegistration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_appRegistrationId_fkey" FOREIGN KEY ("appRegistrationId") REFERENCES "AppRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
