const HINT_LENGTH = 3;
const MIN_HINTED_LENGTH = 12;

/**
 * The only part of a stored secret that is ever shown again: its last three characters, enough
 * to tell two secrets apart. Values shorter than 12 characters get no hint, since three of them
 * would give away too much of the value.
 */
export function secretHint(secret: string): string {
  const characters = Array.from(secret);
  return characters.length < MIN_HINTED_LENGTH ? "" : characters.slice(-HINT_LENGTH).join("");
}
