import { recordActorEvent } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains";
import type { WorkspaceEnvironment } from "@/lib/db/generated/prisma/enums";
import { pageCount, pageWindow } from "@/lib/db/pages";
import { UserFacingError } from "@/lib/errors";
import type { Actor } from "./actor";

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
  actor: Actor,
  input: { name: string; environment: WorkspaceEnvironment; locale?: string; timeZone?: string },
) {
  return db.$transaction(async (tx) => {
    const updated = await tx.workspace.update({ where: { id: actor.workspaceId }, data: input, select: { slug: true } });
    await recordActorEvent(tx, actor, {
      action: "workspace.updated",
      target: { type: "Workspace", id: actor.workspaceId, label: input.name },
      metadata: { ...input },
    });
    return updated;
  });
}

const summaryFields = { slug: true, name: true, environment: true } as const;

function memberOf(userId: string, search?: string): Prisma.WorkspaceWhereInput {
  return {
    memberships: { some: { userId } },
    ...(search ? { name: containsText(search, "insensitive") } : {}),
  };
}

/** The first of the user's workspaces by name: where signing in lands. */
export function firstWorkspaceOf(userId: string) {
  return db.workspace.findFirst({ where: memberOf(userId), orderBy: [{ name: "asc" }, { id: "asc" }], select: summaryFields });
}

export const SWITCHER_LIMIT = 8;

/**
 * The workspace switcher's few entries besides the current one, and how many workspaces the user
 * has in all: an agency with hundreds of clients finds the rest on /workspaces, so every page stays
 * the same weight.
 */
export async function switcherWorkspacesOf(userId: string, currentId: string) {
  const [others, total] = await Promise.all([
    db.workspace.findMany({
      where: { ...memberOf(userId), id: { not: currentId } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: SWITCHER_LIMIT,
      select: summaryFields,
    }),
    db.membership.count({ where: { userId } }),
  ]);
  return { others, total };
}

export const WORKSPACE_PAGE_SIZE = 50;

/** One page of the user's workspaces by name, with their role in each, optionally only those whose name holds `search`. */
export async function listWorkspacesOf(userId: string, { page, search }: { page?: number; search?: string } = {}) {
  const where = memberOf(userId, search);
  const range = pageWindow(page, WORKSPACE_PAGE_SIZE);
  const [total, rows] = await Promise.all([
    db.workspace.count({ where }),
    db.workspace.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: range.skip,
      take: range.take,
      select: { ...summaryFields, memberships: { where: { userId }, select: { role: true } } },
    }),
  ]);
  return {
    total,
    page: range.page,
    pageCount: pageCount(total, WORKSPACE_PAGE_SIZE),
    rows: rows.map(({ memberships, ...w }) => ({ ...w, role: memberships[0].role })),
  };
}
