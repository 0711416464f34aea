import { recordAuditEvent } from "@/lib/audit/record";
import { defaultKeyring, type Keyring, rotateSealedValues, type RotationReport, type SealContext } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { codeVerifierContext, refreshTokenContext } from "@/lib/delegated/sealed";

/**
 * Every sealed column in the database. Names are constants (never input), so they are safe to
 * place in SQL; the context must match the one each column is sealed with.
 */
const sealedColumns: Array<{
  table: string;
  id: string;
  column: string;
  /** The column naming the row's workspace ("workspaceId" unless given). */
  workspace?: string;
  context: (row: { id: string; workspaceId: string }) => SealContext;
}> = [
  {
    table: "AppRegistration",
    id: "id",
    column: "clientSecretSealed",
    context: (r) => ({ workspaceId: r.workspaceId, table: "AppRegistration", recordId: r.id, field: "clientSecret" }),
  },
  {
    table: "TokenCache",
    id: "appRegistrationId",
    column: "sealed",
    context: (r) => ({ workspaceId: r.workspaceId, table: "TokenCache", recordId: r.id, field: "sealed" }),
  },
  {
    table: "Workspace",
    id: "id",
    column: "webhookSecretSealed",
    workspace: "id",
    context: (r) => ({ workspaceId: r.workspaceId, table: "Workspace", recordId: r.id, field: "webhookSecret" }),
  },
  { table: "Mailbox", id: "id", column: "refreshTokenSealed", context: refreshTokenContext },
  { table: "OAuthState", id: "id", column: "codeVerifierSealed", context: codeVerifierContext },
];

/**
 * Re-seals every sealed value with the primary key, in batches. A batch is one transaction; each
 * row is written only if it still holds the value that was read, so a secret replaced during the
 * rotation is never overwritten with its older value. Each workspace whose values moved gets a
 * "keys.rotated" audit event naming the key and the counts, never a value.
 */
export async function rotateAllSealedValues(options: { keyring?: Keyring; batchSize?: number } = {}) {
  const reports: Record<string, RotationReport> = {};
  const moved = new Map<string, Record<string, number>>();
  for (const { table, id, column, workspace = "workspaceId", context } of sealedColumns) {
    reports[`${table}.${column}`] = await rotateSealedValues<string>({
      keyring: options.keyring,
      batchSize: options.batchSize ?? 100,
      async listBatch(after, limit) {
        const rows = await db.$queryRawUnsafe<Array<{ id: string; workspaceId: string; sealed: string }>>(
          `SELECT "${id}" AS id, "${workspace}" AS "workspaceId", "${column}" AS sealed FROM "${table}" WHERE "${id}" > $1 AND "${column}" IS NOT NULL ORDER BY "${id}" LIMIT $2`,
          after ?? "",
          limit,
        );
        return rows.map((r) => ({ cursor: r.id, context: context(r), sealed: r.sealed }));
      },
      async resealBatch(rows) {
        await db.$transaction(
          rows.map((r) =>
            db.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE "${id}" = $2 AND "${column}" = $3`, r.resealed, r.cursor, r.sealed),
          ),
        );
        for (const r of rows) {
          const counts = moved.get(r.context.workspaceId) ?? {};
          counts[`${table}.${column}`] = (counts[`${table}.${column}`] ?? 0) + 1;
          moved.set(r.context.workspaceId, counts);
        }
      },
    });
  }
  const keyId = (options.keyring ?? defaultKeyring()).primary.id;
  await db.$transaction(async (tx) => {
    // A workspace deleted during the rotation has no log left to write to.
    const present = await tx.workspace.findMany({ where: { id: { in: [...moved.keys()] } }, select: { id: true } });
    for (const { id: workspaceId } of present) {
      const resealed = moved.get(workspaceId)!;
      await recordAuditEvent(tx, { workspaceId, actorId: null, action: "keys.rotated", target: { type: "Key", id: keyId, label: keyId }, metadata: { resealed } });
    }
  });
  return reports;
}
