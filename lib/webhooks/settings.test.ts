import { afterEach, describe, expect, it, vi } from "vitest";
import { setWebhookAction } from "@/app/w/[slug]/settings/actions";
import { executeWorkspaceAction } from "@/lib/actions/workspace-action";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace, form, workspaceFingerprint } from "@/tests/helpers/factories";

describe("saving a webhook URL", async () => {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const save = (url: string) => executeWorkspaceAction(setWebhookAction.definition, owner, form({ workspace: workspace.slug, url }));
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["https://10.0.0.5/hook", "The webhook URL points to a private address (10.0.0.5), which forge365 does not call. Use a receiver reachable from the internet."],
    ["https://localhost:8443/hook", /^The webhook URL resolves to a loopback address \((127\.0\.0\.1|::1)\), which forge365 does not call\./],
    ["https://[::ffff:169.254.169.254]/latest", /a cloud metadata address/],
    ["http://hooks.example.com/forge365", "The webhook URL must start with https://: forge365 sends webhooks only over HTTPS."],
  ])("refuses %s with a message on the URL field, and writes nothing", async (url, message) => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false");
    const before = await workspaceFingerprint(workspace.id);
    const result = await save(url);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.url).toEqual([typeof message === "string" ? message : expect.stringMatching(message)]);
    expect(result.values?.url).toBe(url);
    expect(await workspaceFingerprint(workspace.id)).toBe(before);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { webhookUrl: true, webhookSecretSealed: true } })).toEqual({ webhookUrl: null, webhookSecretSealed: null });
  });

  it("accepts a host that does not resolve yet: it is checked again before every call", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false");
    const result = await save("https://hooks.example.test/forge365");
    expect(result).toMatchObject({ ok: true });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).webhookUrl).toBe("https://hooks.example.test/forge365");
  });

  it("accepts a receiver on this machine when WEBHOOK_ALLOW_PRIVATE_NETWORKS=true", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
    const result = await save("http://localhost:9/forge365");
    expect(result).toMatchObject({ ok: true });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).webhookUrl).toBe("http://localhost:9/forge365");
  });
});
