import { db, type Prisma } from "@/lib/db/client";
import { pageCount, pageWindow } from "@/lib/db/pages";
import type { AuditQuery } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

function whereOf(workspaceId: string, query: AuditQuery): Prisma.AuditEventWhereInput {
  return {
    workspaceId,
    ...(query.type ? { action: query.type } : {}),
    ...(query.actor === "system" ? { actorId: null } : query.actor ? { actorId: query.actor } : {}),
  };
}

const eventFields = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  ipAddress: true,
  metadata: true,
  createdAt: true,
  actor: { select: { id: true, email: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof eventFields }>;

/** One page of a workspace's audit events, newest first. */
export async function listAuditEvents(workspaceId: string, query: AuditQuery) {
  const where = whereOf(workspaceId, query);
  const range = pageWindow(query.page, AUDIT_PAGE_SIZE);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: range.skip,
      take: range.take,
      select: eventFields,
    }),
  ]);
  return { total, page: range.page, pageCount: pageCount(total, AUDIT_PAGE_SIZE), rows };
}

/** Every matching event in batches, newest first, for an export that never holds the whole log in memory. */
export async function* allAuditEvents(workspaceId: string, query: AuditQuery, batchSize = 1_000) {
  const where = whereOf(workspaceId, query);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: eventFields,
    });
    if (rows.length === 0) return;
    yield rows;
    cursor = rows[rows.length - 1].id;
  }
}

export const AUDIT_ACTOR_LIMIT = 500;

/**
 * Everyone who appears as an actor in the workspace's log, for the filter. A loose index scan: each
 * step jumps to the next actor in the (workspaceId, actorId) index, so the cost follows the number
 * of people, not the number of events.
 */
export async function auditActors(workspaceId: string) {
  return db.$queryRaw<Array<{ id: string; email: string }>>`
    WITH RECURSIVE actor AS (
      (SELECT "actorId" AS id FROM "AuditEvent"
        WHERE "workspaceId" = ${workspaceId} AND "actorId" IS NOT NULL
        ORDER BY "actorId" LIMIT 1)
      UNION ALL
      SELECT (SELECT "actorId" FROM "AuditEvent"
        WHERE "workspaceId" = ${workspaceId} AND "actorId" > actor.id
        ORDER BY "actorId" LIMIT 1)
      FROM actor WHERE actor.id IS NOT NULL
    )
    SELECT u.id, u.email FROM actor JOIN "User" u ON u.id = actor.id
    ORDER BY u.email LIMIT ${AUDIT_ACTOR_LIMIT}`;
}
