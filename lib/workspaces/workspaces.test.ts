import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser } from "@/tests/helpers/factories";
import { actorOf } from "./actor";
import { requireMembership } from "./guard";
import { createWorkspace, firstWorkspaceOf, listWorkspacesOf, slugify, SWITCHER_LIMIT, switcherWorkspacesOf, updateWorkspace, WORKSPACE_PAGE_SIZE } from "./workspaces";

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
    const ctx = actorOf(await requireMembership(user.id, ws.slug, "ADMIN"));
    await updateWorkspace({ ...ctx, ipAddress: "203.0.113.9" }, { name: "After", environment: "PRODUCTION", locale: "en-GB", timeZone: "Europe/London" });
    const list = await listWorkspacesOf(user.id);
    expect(list.rows.find((w) => w.slug === ws.slug)).toMatchObject({ name: "After", environment: "PRODUCTION" });
    expect(await requireMembership(user.id, ws.slug, "VIEWER")).toMatchObject({ workspace: { locale: "en-GB", timeZone: "Europe/London" } });
    expect(await db.auditEvent.findFirst({ where: { workspaceId: ws.id, action: "workspace.updated" } })).toMatchObject({ actorId: user.id, ipAddress: "203.0.113.9" });
  });

  it("lists a user's workspaces a page at a time, by name, with their role, and finds them by name", async () => {
    const [user, stranger] = [await createUser(), await createUser("stranger")];
    const count = WORKSPACE_PAGE_SIZE + 3;
    for (let i = 0; i < count; i++) await createWorkspace(user.id, { name: `Client ${String(i).padStart(3, "0")}`, environment: i % 2 ? "TEST" : "PRODUCTION" });
    await createWorkspace(user.id, { name: "100% Growth_Co", environment: "TEST" });
    await createWorkspace(stranger.id, { name: "Client 999 (not yours)", environment: "TEST" });

    const first = await listWorkspacesOf(user.id);
    expect([first.total, first.pageCount, first.rows.length]).toEqual([count + 1, 2, WORKSPACE_PAGE_SIZE]);
    expect(first.rows[0]).toMatchObject({ name: "100% Growth_Co", role: "OWNER" });
    expect(first.rows[1]).toMatchObject({ name: "Client 000", environment: "PRODUCTION" });
    const second = await listWorkspacesOf(user.id, { page: 2 });
    expect(second.rows.map((w) => w.name)).toEqual(["Client 049", "Client 050", "Client 051", "Client 052"]);

    expect((await listWorkspacesOf(user.id, { search: "client 04" })).rows.map((w) => w.name)).toHaveLength(10);
    // The characters LIKE treats as wildcards are matched as typed.
    expect((await listWorkspacesOf(user.id, { search: "0%" })).rows.map((w) => w.name)).toEqual(["100% Growth_Co"]);
    expect((await listWorkspacesOf(user.id, { search: "h_C" })).rows.map((w) => w.name)).toEqual(["100% Growth_Co"]);
    expect((await listWorkspacesOf(user.id, { search: "not yours" })).total).toBe(0);
    expect((await firstWorkspaceOf(user.id))?.name).toBe("100% Growth_Co");
  });

  it("the switcher holds a few workspaces besides the current one and counts them all", async () => {
    const user = await createUser();
    const made = [];
    for (let i = 0; i < SWITCHER_LIMIT + 4; i++) made.push(await createWorkspace(user.id, { name: `Switch ${String(i).padStart(2, "0")}`, environment: "TEST" }));
    const current = await db.workspace.findUniqueOrThrow({ where: { slug: made[0].slug } });
    const { others, total } = await switcherWorkspacesOf(user.id, current.id);
    expect(total).toBe(SWITCHER_LIMIT + 4);
    expect(others.map((w) => w.name)).toEqual(made.slice(1, SWITCHER_LIMIT + 1).map((w) => w.name));
    expect(await firstWorkspaceOf((await createUser()).id)).toBeNull();
  });

  it("slugs survive odd names", () => {
    expect(slugify("Ünïcödé  Agency!!")).toBe("unicode-agency");
    expect(slugify("<script>")).toBe("script");
    expect(slugify("!!")).toBe("workspace");
  });
});
