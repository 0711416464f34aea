import { recordAuditEvent } from "@/lib/audit/record";
import { defaultKeyring, type Keyring } from "@/lib/crypto";
import { type RecheckedRotationReport, rotateAndRecheck } from "@/lib/crypto/rotate";
import { sealedColumns } from "@/lib/crypto/sealed-columns";
import { db } from "@/lib/db/client";
import { sealedColumnStore } from "./column-store";

/** Every registered sealed column, in the order the report lists them. */
export const rotatedColumns = Object.values(sealedColumns);

/**
 * Re-seals every value of every registered sealed column with the primary key, in batches. A batch
 * is one transaction; each row is written only if it still holds the value that was read, so a
 * secret replaced during the rotation is never overwritten with its older value. Each workspace
 * whose values moved gets a "keys.rotated" audit event naming the key and the counts of rows
 * actually written, never a value.
 */
export async function rotateAllSealedValues(options: { keyring?: Keyring; batchSize?: number } = {}) {
  const reports: Record<string, RecheckedRotationReport> = {};
  const moved = new Map<string, Record<string, number>>();
  for (const column of rotatedColumns) {
    const name = `${column.table}.${column.column}`;
    const store = sealedColumnStore(column);
    reports[name] = await rotateAndRecheck<string>({
      keyring: options.keyring,
      batchSize: options.batchSize,
      listBatch: store.listBatch,
      async resealBatch(rows) {
        const written = await store.resealBatch(rows);
        for (const r of written) {
          const counts = moved.get(r.context.workspaceId) ?? {};
          counts[name] = (counts[name] ?? 0) + 1;
          moved.set(r.context.workspaceId, counts);
        }
        return written;
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
