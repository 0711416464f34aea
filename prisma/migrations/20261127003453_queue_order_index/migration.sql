-- CreateIndex
CREATE INDEX "ConnectionTest_status_createdAt_id_idx" ON "ConnectionTest"("status", "createdAt", "id");
