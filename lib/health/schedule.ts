import { db } from "@/lib/db/client";

const MINUTE = 60_000;
export const CHECK_INTERVAL_MS = 24 * 60 * MINUTE;
const FIRST_RETRY_MS = 15 * MINUTE;
/** A claimed check not finished by then is taken to be lost with its instance, and claimed again. */
export const CHECK_LEASE_MS = 30 * MINUTE;

/** After n failed checks in a row: 15 min, 30 min, 1 h, 2 h … never more than the daily interval. */
export function nextCheckDelay(failures: number) {
  if (failures <= 0) return CHECK_INTERVAL_MS;
  return Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), CHECK_INTERVAL_MS);
}

/**
 * Claims the app registrations whose check is due, pushing each one's next check a lease ahead,
 * so that instances sweeping at the same moment never claim the same one.
 */
export async function claimDueChecks(now: Date, { limit = 100, workspaceIds }: { limit?: number; workspaceIds?: string[] } = {}) {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "AppRegistration" SET "nextCheckAt" = ${new Date(now.getTime() + CHECK_LEASE_MS)}
    WHERE id IN (
      SELECT id FROM "AppRegistration"
      WHERE ("nextCheckAt" IS NULL OR "nextCheckAt" <= ${now})
        AND (${workspaceIds ?? null}::text[] IS NULL OR "workspaceId" = ANY(${workspaceIds ?? null}::text[]))
      ORDER BY "nextCheckAt" NULLS FIRST, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}
