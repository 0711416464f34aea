import type { ICachePlugin } from "@azure/msal-node";
import { open, seal, type SealContext } from "@/lib/crypto";
import { db } from "@/lib/db/client";

interface CacheOwner {
  id: string;
  workspaceId: string;
}

function context(owner: CacheOwner): SealContext {
  return { workspaceId: owner.workspaceId, table: "TokenCache", recordId: owner.id, field: "sealed" };
}

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
        cacheContext.tokenCache.deserialize(open(row.sealed, context(owner)));
      } catch {
        // A cache sealed by a retired key is only a cache: start empty and write a fresh one.
      }
    },
    async afterCacheAccess(cacheContext) {
      if (!cacheContext.cacheHasChanged) return;
      const serialized = cacheContext.tokenCache.serialize();
      const { acquiredAt, expiresAt } = tokenTimes(serialized);
      const data = { sealed: seal(serialized, context(owner)), tokenAcquiredAt: acquiredAt, tokenExpiresAt: expiresAt };
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
