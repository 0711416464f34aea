/**
 * A Prisma `contains` filter that matches the typed text literally: Prisma hands the value to LIKE
 * as it is, where `%` and `_` would be wildcards and `\` an escape.
 */
export function containsText(text: string, mode: "default" | "insensitive" = "default") {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode };
}
