import { db, type Prisma } from "@/lib/db/client";
import type { AuditQuery } from "@/lib/validation/audit-query";

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
  const page = Math.max(1, query.page ?? 1);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: eventFields,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), rows };
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

/** Everyone who appears as an actor in the workspace's log, for the filter. */
export async function auditActors(workspaceId: string) {
  const actors = await db.auditEvent.findMany({
    where: { workspaceId, actorId: { not: null } },
    distinct: ["actorId"],
    select: { actor: { select: { id: true, email: true } } },
    take: 500,
  });
  return actors.flatMap((a) => (a.actor ? [a.actor] : [])).sort((a, b) => a.email.localeCompare(b.email));
}
