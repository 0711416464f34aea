-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_actorId_idx" ON "AuditEvent"("workspaceId", "actorId");
