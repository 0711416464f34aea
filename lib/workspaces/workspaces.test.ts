import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/helpers/factories";
import { requireMembership } from "./guard";
import { createWorkspace, listWorkspacesOf, slugify, updateWorkspace } from "./workspaces";

describe("workspaces", () => {
  it("derives a free slug from the name and makes the creator its owner", async () => {
    const user = await createUser();
    const name = `Contoso ${Math.random().toString(36).slice(2, 8)}`;
    const first = await createWorkspace(user.id, { name, environment: "PRODUCTION" });
    const second = await createWorkspace(user.id, { name, environment: "TEST" });
    expect(first.slug).toBe(slugify(name));
    expect(second.slug).toBe(`${slugify(name)}-2`);
    expect((await requireMembership(user.id, first.slug, "OWNER")).role).toBe("OWNER");
  });

  it("refuses a chosen slug that is taken, and writes nothing", async () => {
    const user = await createUser();
    const ws = await createWorkspace(user.id, { name: "Taken", environment: "TEST" });
    const before = await db.workspace.count();
    await expect(createWorkspace(user.id, { name: "Other", slug: ws.slug, environment: "TEST" })).rejects.toThrow(/already taken/);
    expect(await db.workspace.count()).toBe(before);
  });

  it("renames and switches environment", async () => {
    const user = await createUser();
    const ws = await createWorkspace(user.id, { name: "Before", environment: "TEST" });
    const ctx = await requireMembership(user.id, ws.slug, "ADMIN");
    await updateWorkspace({ ...ctx, ipAddress: "203.0.113.9" }, { name: "After", environment: "PRODUCTION", locale: "en-GB", timeZone: "Europe/London" });
    const list = await listWorkspacesOf(user.id);
    expect(list.find((w) => w.slug === ws.slug)).toMatchObject({ name: "After", environment: "PRODUCTION" });
    expect(await requireMembership(user.id, ws.slug, "VIEWER")).toMatchObject({ workspace: { locale: "en-GB", timeZone: "Europe/London" } });
    expect(await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "workspace.updated" } })).toMatchObject({ actorId: user.id, ipAddress: "203.0.113.9" });
  });

  it("slugs survive odd names", () => {
    expect(slugify("Ünïcödé  Agency!!")).toBe("unicode-agency");
    expect(slugify("<script>")).toBe("script");
    expect(slugify("!!")).toBe("workspace");
  });
});
