const HINT_LENGTH = 3;
const MIN_HINTED_LENGTH = 12;

/**
 * The only part of a stored secret that is ever shown again: its first three characters, which is
 * what Entra itself keeps visible (passwordCredential.hint), so the two can be matched at a glance.
 * Values shorter than 12 characters get no hint, since three of them would give away too much.
 */
export function secretHint(secret: string): string {
  const characters = Array.from(secret);
  return characters.length < MIN_HINTED_LENGTH ? "" : characters.slice(0, HINT_LENGTH).join("");
}
