import { type Keyring, rotateSealedValues, type RotationReport, type SealContext } from "@/lib/crypto";
import { db } from "@/lib/db/client";

/**
 * Every sealed column in the database. Names are constants (never input), so they are safe to
 * place in SQL; the context must match the one each column is sealed with.
 */
const sealedColumns: Array<{ table: string; id: string; column: string; context: (row: { id: string; workspaceId: string }) => SealContext }> = [
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
];

/**
 * Re-seals every sealed value with the primary key, in batches. A batch is one transaction; each
 * row is written only if it still holds the value that was read, so a secret replaced during the
 * rotation is never overwritten with its older value.
 */
export async function rotateAllSealedValues(options: { keyring?: Keyring; batchSize?: number } = {}) {
  const reports: Record<string, RotationReport> = {};
  for (const { table, id, column, context } of sealedColumns) {
    reports[`${table}.${column}`] = await rotateSealedValues<string>({
      keyring: options.keyring,
      batchSize: options.batchSize ?? 100,
      async listBatch(after, limit) {
        const rows = await db.$queryRawUnsafe<Array<{ id: string; workspaceId: string; sealed: string }>>(
          `SELECT "${id}" AS id, "workspaceId", "${column}" AS sealed FROM "${table}" WHERE "${id}" > $1 ORDER BY "${id}" LIMIT $2`,
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
      },
    });
  }
  return reports;
}
