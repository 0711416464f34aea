"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { configureWebhook, removeWebhook } from "@/lib/webhooks/settings";
import { twoFactorRequirementSchema, updateWorkspaceSchema, webhookSchema } from "@/lib/workspaces/schemas";
import { setTwoFactorRequirement } from "@/lib/workspaces/two-factor-requirement";
import { updateWorkspace } from "@/lib/workspaces/workspaces";

export const updateWorkspaceAction = workspaceAction({
  name: "workspace.update",
  role: "ADMIN",
  schema: updateWorkspaceSchema,
  async run(ctx, input) {
    await updateWorkspace(ctx.actor, input);
    return { ok: true, data: undefined, message: "Workspace settings saved." };
  },
});

export const setWebhookAction = workspaceAction({
  name: "workspace.setWebhook",
  role: "ADMIN",
  schema: webhookSchema,
  async run(ctx, input) {
    const { secret } = await configureWebhook(ctx.actor, input);
    return {
      ok: true,
      data: { secret },
      message: secret ? "Webhook saved. Copy the signing secret now: it is not shown again." : "Webhook saved; the signing secret is unchanged.",
    };
  },
});

export const removeWebhookAction = workspaceAction({
  name: "workspace.removeWebhook",
  role: "ADMIN",
  schema: z.object({}),
  async run(ctx) {
    await removeWebhook(ctx.actor);
    return { ok: true, data: undefined, message: "Webhook removed: no more calls are sent." };
  },
});

export const requireTwoFactorAction = workspaceAction({
  name: "workspace.requireTwoFactor",
  role: "OWNER",
  schema: twoFactorRequirementSchema,
  async run(ctx, input) {
    await setTwoFactorRequirement(ctx.actor, input.requireTwoFactor);
    return {
      ok: true,
      data: undefined,
      message: input.requireTwoFactor
        ? "Two-factor sign-in is now required: members without it see only a page asking them to turn it on."
        : "Two-factor sign-in is no longer required.",
    };
  },
});
