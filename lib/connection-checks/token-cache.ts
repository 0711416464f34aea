import type { ICachePlugin } from "@azure/msal-node";
import { sealedColumns } from "@/lib/crypto/sealed-columns";
import { db } from "@/lib/db/client";

interface CacheOwner {
  id: string;
  workspaceId: string;
}

const column = sealedColumns.tokenCache;

/** The cache row is keyed by its app registration, so that is the row a cache is sealed to. */
const cacheRow = (owner: CacheOwner) => ({ appRegistrationId: owner.id, workspaceId: owner.workspaceId });

/** When the newest access token in MSAL's serialized cache was issued and when it expires. */
export function tokenTimes(serialized: string): { acquiredAt: Date | null; expiresAt: Date | null } {
  const tokens = Object.values((JSON.parse(serialized) as { AccessToken?: Record<string, { cached_at?: string; expires_on?: string }> }).AccessToken ?? {});
  const newest = tokens.sort((a, b) => Number(b.expires_on ?? 0) - Number(a.expires_on ?? 0))[0];
  const at = (seconds?: string) => (seconds ? new Date(Number(seconds) * 1000) : null);
  return { acquiredAt: at(newest?.cached_at), expiresAt: at(newest?.expires_on) };
}

/**
 * MSAL's cache for one app registration, kept sealed in Postgres so every app instance reuses the
 * same token until MSAL renews it (five minutes before expiry, MSAL's default).
 */
export function postgresTokenCache(owner: CacheOwner): ICachePlugin {
  return {
    async beforeCacheAccess(cacheContext) {
      const row = await db.tokenCache.findUnique({ where: { appRegistrationId: owner.id }, select: { sealed: true } });
      if (!row) return;
      try {
        cacheContext.tokenCache.deserialize(column.open(cacheRow(owner), row.sealed));
      } catch {
        // A cache sealed by a retired key is only a cache: start empty and write a fresh one.
      }
    },
    async afterCacheAccess(cacheContext) {
      if (!cacheContext.cacheHasChanged) return;
      const serialized = cacheContext.tokenCache.serialize();
      const { acquiredAt, expiresAt } = tokenTimes(serialized);
      const data = { sealed: column.seal(cacheRow(owner), serialized), tokenAcquiredAt: acquiredAt, tokenExpiresAt: expiresAt };
      await db.tokenCache.upsert({
        where: { appRegistrationId: owner.id },
        create: { appRegistrationId: owner.id, workspaceId: owner.workspaceId, ...data },
        update: data,
      });
    },
  };
}

export async function currentTokenTimes(appRegistrationId: string) {
  return db.tokenCache.findUnique({
    where: { appRegistrationId },
    select: { tokenAcquiredAt: true, tokenExpiresAt: true },
  });
}
