import { randomBytes } from "node:crypto";
import { sealedColumns } from "@/lib/crypto/sealed-columns";

const column = sealedColumns.webhookSecret;

/** 32 random bytes; the prefix tells a reader of a config file what the value is for. */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealWebhookSecret(workspaceId: string, secret: string) {
  return column.seal({ id: workspaceId }, secret);
}

export function openWebhookSecret(workspace: { id: string; webhookSecretSealed: string }) {
  return column.open(workspace, workspace.webhookSecretSealed);
}
