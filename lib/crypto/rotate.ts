import { VaultError, type VaultErrorCode } from "./errors";
import type { Keyring } from "./keyring";
import { defaultKeyring } from "./load-keyring";
import { needsReseal, open, seal, type SealContext } from "./vault";

export interface SealedRow<Cursor> {
  /** Where this row sits in the listing; the next batch is requested after the last row's cursor. */
  cursor: Cursor;
  context: SealContext;
  sealed: string;
}

export interface ResealedRow<Cursor> extends SealedRow<Cursor> {
  /** The same plaintext sealed with the primary key, for the same context. */
  resealed: string;
}

export interface RotateOptions<Cursor> {
  keyring?: Keyring;
  batchSize?: number;
  /**
   * Up to `limit` rows holding a non-null sealed value, in a stable order, strictly after
   * `after` (undefined for the first batch). Typically `WHERE id > $after ORDER BY id LIMIT $limit`
   * on one table and column.
   */
  listBatch(after: Cursor | undefined, limit: number): Promise<SealedRow<Cursor>[]>;
  /**
   * Persists one batch, ideally in one transaction. Writing only where the column still equals
   * `sealed` (compare-and-swap) keeps a secret saved meanwhile from being overwritten by its
   * older value. A throw stops the rotation; running it again resumes, since rows already
   * moved to the primary key are skipped.
   */
  resealBatch(rows: ResealedRow<Cursor>[]): Promise<void>;
}

export interface RotationReport {
  scanned: number;
  resealed: number;
  alreadyCurrent: number;
  /** Values that could not be opened (unknown key, tampered, malformed); left untouched. */
  failed: number;
  failures: { context: SealContext; code: VaultErrorCode }[];
}

const DEFAULT_BATCH_SIZE = 100;

/**
 * Re-seals with the primary key every value sealed with an older one. Framework-free: the
 * callbacks own the storage, this owns the cryptography and the bookkeeping.
 */
export async function rotateSealedValues<Cursor>({
  keyring = defaultKeyring(),
  batchSize = DEFAULT_BATCH_SIZE,
  listBatch,
  resealBatch,
}: RotateOptions<Cursor>): Promise<RotationReport> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const report: RotationReport = { scanned: 0, resealed: 0, alreadyCurrent: 0, failed: 0, failures: [] };
  let after: Cursor | undefined;

  for (;;) {
    const rows = await listBatch(after, batchSize);
    const updates: ResealedRow<Cursor>[] = [];
    for (const row of rows) {
      report.scanned += 1;
      try {
        if (needsReseal(row.sealed, keyring)) {
          updates.push({ ...row, resealed: seal(open(row.sealed, row.context, keyring), row.context, keyring) });
        } else {
          report.alreadyCurrent += 1;
        }
      } catch (error) {
        if (!(error instanceof VaultError)) throw error;
        report.failed += 1;
        report.failures.push({ context: row.context, code: error.code });
      }
    }
    if (updates.length > 0) {
      await resealBatch(updates);
      report.resealed += updates.length;
    }
    if (rows.length < batchSize) return report;
    after = rows[rows.length - 1].cursor;
  }
}
