import { generateKeyString, parseKeyring, type Keyring } from "@/lib/crypto/keyring";

/** Key rings for tests: `ring("new", "old")` seals with "new" and opens both. */
export function testKeyrings(...ids: string[]): (...order: string[]) => Keyring {
  const entries = new Map(ids.map((id) => [id, generateKeyString(id)]));
  return (...order) => parseKeyring(order.map((id) => entries.get(id)).join(","), "test keys");
}
