import { clientSecretContext } from "@/lib/accounts/client-secret";
import { type Keyring, rotateSealedValues, type RotationReport } from "@/lib/crypto";
import { db } from "@/lib/db/client";

/**
 * Every sealed column in the database, each re-sealed in batches with the primary key. A batch is
 * one transaction; each row is written only if it still holds the value that was read, so a secret
 * replaced during the rotation is never overwritten with its older value.
 */
const sealedColumns = {
  "AppRegistration.clientSecret": (keyring: Keyring | undefined, batchSize: number) =>
    rotateSealedValues<string>({
      keyring,
      batchSize,
      async listBatch(after, limit) {
        const rows = await db.appRegistration.findMany({
          where: after ? { id: { gt: after } } : {},
          orderBy: { id: "asc" },
          take: limit,
          select: { id: true, workspaceId: true, clientSecretSealed: true },
        });
        return rows.map((r) => ({ cursor: r.id, context: clientSecretContext(r.workspaceId, r.id), sealed: r.clientSecretSealed }));
      },
      async resealBatch(rows) {
        await db.$transaction(
          rows.map((r) =>
            db.appRegistration.updateMany({
              where: { id: r.cursor, clientSecretSealed: r.sealed },
              data: { clientSecretSealed: r.resealed },
            }),
          ),
        );
      },
    }),
} satisfies Record<string, (keyring: Keyring | undefined, batchSize: number) => Promise<RotationReport>>;

export async function rotateAllSealedValues(options: { keyring?: Keyring; batchSize?: number } = {}) {
  const reports: Record<string, RotationReport> = {};
  for (const [column, rotate] of Object.entries(sealedColumns)) {
    reports[column] = await rotate(options.keyring, options.batchSize ?? 100);
  }
  return reports;
}
