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
   * Persists one batch, ideally in one transaction, and returns the rows it wrote. Writing only
   * where the column still equals `sealed` (compare-and-swap) keeps a secret saved meanwhile from
   * being overwritten by its older value; such a row is left out of the result. A throw stops the
   * rotation; running it again resumes, since rows already moved to the primary key are skipped.
   */
  resealBatch(rows: ResealedRow<Cursor>[]): Promise<ResealedRow<Cursor>[]>;
}

export interface RotationReport {
  scanned: number;
  resealed: number;
  /** Values that changed between being read and written back; left as the other writer set them. */
  skipped: number;
  alreadyCurrent: number;
  /** Values that could not be opened (unknown key, tampered, malformed); left untouched. */
  failed: number;
  failures: { context: SealContext; code: VaultErrorCode }[];
}

export interface RecheckedRotationReport extends RotationReport {
  /**
   * Values found still sealed with an older key after the pass, which a rerun would re-seal:
   * written behind the pass by a process that still seals with that key.
   */
  stale: number;
  /** A rerun has work to do: a value was skipped or left stale. */
  anotherPass: boolean;
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
  const report: RotationReport = { scanned: 0, resealed: 0, skipped: 0, alreadyCurrent: 0, failed: 0, failures: [] };
  for await (const rows of batches(listBatch, batchSize)) {
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
      const written = (await resealBatch(updates)).length;
      report.resealed += written;
      report.skipped += updates.length - written;
    }
  }
  return report;
}

/**
 * A pass, then a read-only sweep for what the pass could not see: a value written behind its
 * cursor with an older key. The sweep opens only values still under an older key, so after a
 * pass it costs little more than the listing.
 */
export async function rotateAndRecheck<Cursor>(options: RotateOptions<Cursor>): Promise<RecheckedRotationReport> {
  const report = await rotateSealedValues(options);
  const keyring = options.keyring ?? defaultKeyring();
  let stale = 0;
  for await (const rows of batches(options.listBatch, options.batchSize ?? DEFAULT_BATCH_SIZE)) {
    stale += rows.filter((row) => rerunWouldReseal(row, keyring)).length;
  }
  // A skipped row asks for a rerun even if the sweep found it current: its other writer was still
  // active, and the sweep is only a snapshot.
  return { ...report, stale, anotherPass: report.skipped > 0 || stale > 0 };
}

/** Values the vault cannot open are reported as failures by the pass; a rerun would not fix them. */
function rerunWouldReseal(row: SealedRow<unknown>, keyring: Keyring): boolean {
  try {
    if (!needsReseal(row.sealed, keyring)) return false;
    open(row.sealed, row.context, keyring);
    return true;
  } catch (error) {
    if (error instanceof VaultError) return false;
    throw error;
  }
}

async function* batches<Cursor>(listBatch: RotateOptions<Cursor>["listBatch"], batchSize: number) {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  let after: Cursor | undefined;
  for (;;) {
    const rows = await listBatch(after, batchSize);
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].cursor;
  }
}
