import { graphAliases, graphEntries } from "./entries/graph";
import { identityEntries } from "./entries/identity";
import { msalAliases, msalEntries } from "./entries/msal";
import { networkEntries } from "./entries/network";
import { productEntries } from "./entries/product";
import type { CatalogEntry } from "./types";

const ALL: readonly CatalogEntry[] = [...productEntries, ...networkEntries, ...identityEntries, ...graphEntries, ...msalEntries];

function index(entries: readonly CatalogEntry[]): ReadonlyMap<string, CatalogEntry> {
  const map = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    // A duplicated code would silently shadow advice; fail at import so a test catches it.
    if (map.has(entry.code)) throw new Error(`Duplicate catalog code: ${entry.code}`);
    map.set(entry.code, entry);
  }
  return map;
}

const BY_CODE = index(ALL);
const BY_LOWER = new Map([...BY_CODE].map(([code, entry]) => [code.toLowerCase(), entry]));
const ALIASES: Readonly<Record<string, string>> = { ...graphAliases, ...msalAliases };

/** Every entry, in display order: product checks, Entra, Graph, MSAL. */
export function catalogEntries(): readonly CatalogEntry[] {
  return ALL;
}

/**
 * The entry for a code or one of its aliases. Microsoft is inconsistent about case across services
 * ("accessDenied" vs "ErrorAccessDenied"), so an exact miss retries case-insensitively.
 */
export function getEntry(code: string): CatalogEntry | undefined {
  const key = code.trim();
  const alias = ALIASES[key];
  return BY_CODE.get(key) ?? (alias ? BY_CODE.get(alias) : undefined) ?? BY_LOWER.get(key.toLowerCase());
}
