import type { ResealedRow, SealedRow } from "@/lib/crypto/rotate";
import type { SealedColumn } from "@/lib/crypto/sealed-columns";
import { db } from "@/lib/db/client";

/**
 * The storage side of rotating one sealed column. Its names come from the registry (constants,
 * never input), so they are safe to place in SQL.
 */
export function sealedColumnStore(column: SealedColumn) {
  const { table, id, workspace, column: sealed } = column;
  // Workspace is its own workspace: naming "id" twice would return two columns of one name.
  const selected = [...new Set([id, workspace, sealed])].map((name) => `"${name}"`).join(", ");
  return {
    async listBatch(after: string | undefined, limit: number): Promise<SealedRow<string>[]> {
      const rows = await db.$queryRawUnsafe<Array<Record<string, string>>>(
        `SELECT ${selected} FROM "${table}" WHERE "${id}" > $1 AND "${sealed}" IS NOT NULL ORDER BY "${id}" LIMIT $2`,
        after ?? "",
        limit,
      );
      return rows.map((row) => ({ cursor: row[id], context: column.context(row), sealed: row[sealed] }));
    },
    /** One transaction of compare-and-swap updates; a row counts as written only if its update changed it. */
    async resealBatch(rows: ResealedRow<string>[]): Promise<ResealedRow<string>[]> {
      const changed = await db.$transaction(
        rows.map((r) => db.$executeRawUnsafe(`UPDATE "${table}" SET "${sealed}" = $1 WHERE "${id}" = $2 AND "${sealed}" = $3`, r.resealed, r.cursor, r.sealed)),
      );
      return rows.filter((_, index) => changed[index] > 0);
    },
  };
}
