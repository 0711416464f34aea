import { recordMemberEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { WorkspaceEnvironment } from "@/lib/db/generated/prisma/enums";
import { UserFacingError } from "./errors";
import type { Caller } from "./members";

export function slugify(name: string) {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 34)
    .replace(/-+$/g, "");
  return base.length >= 2 ? base : `workspace${base ? `-${base}` : ""}`;
}

/** A derived slug takes the first free `name`, `name-2`, … ; a chosen one must be free as given. */
async function freeSlug(name: string, chosen?: string) {
  if (chosen) {
    const taken = await db.workspace.findUnique({ where: { slug: chosen }, select: { id: true } });
    if (taken) throw new UserFacingError("This slug is already taken. Choose another.", "slug");
    return chosen;
  }
  const base = slugify(name);
  const existing = await db.workspace.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const used = new Set(existing.map((w) => w.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createWorkspace(
  ownerId: string,
  input: { name: string; slug?: string; environment: WorkspaceEnvironment },
) {
  const slug = await freeSlug(input.name, input.slug);
  try {
    return await db.workspace.create({
      data: {
        name: input.name,
        slug,
        environment: input.environment,
        memberships: { create: { userId: ownerId, role: "OWNER" } },
      },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new UserFacingError("This slug was just taken. Try again.", "slug");
    }
    throw error;
  }
}

export async function updateWorkspace(
  ctx: Caller,
  input: { name: string; environment: WorkspaceEnvironment; locale?: string; timeZone?: string },
) {
  return db.$transaction(async (tx) => {
    const updated = await tx.workspace.update({ where: { id: ctx.workspace.id }, data: input, select: { slug: true } });
    await recordMemberEvent(tx, ctx, {
      action: "workspace.updated",
      target: { type: "Workspace", id: ctx.workspace.id, label: input.name },
      metadata: { ...input },
    });
    return updated;
  });
}

export function listWorkspacesOf(userId: string) {
  return db.workspace.findMany({
    where: { memberships: { some: { userId } } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, environment: true },
  });
}
