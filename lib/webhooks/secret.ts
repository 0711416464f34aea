import { randomBytes } from "node:crypto";
import { open, seal, type SealContext } from "@/lib/crypto";

function context(workspaceId: string): SealContext {
  return { workspaceId, table: "Workspace", recordId: workspaceId, field: "webhookSecret" };
}

/** 32 random bytes; the prefix tells a reader of a config file what the value is for. */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealWebhookSecret(workspaceId: string, secret: string) {
  return seal(secret, context(workspaceId));
}

export function openWebhookSecret(workspace: { id: string; webhookSecretSealed: string }) {
  return open(workspace.webhookSecretSealed, context(workspace.id));
}
