import fc from "fast-check";

/** Text that has broken web apps before: markup, SQL, template syntax, header injection, control characters. */
const NASTY = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE \"User\"; --",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "\r\nSet-Cookie: stolen=1",
  "\u0000\u0001\u001f",
  "\u202eevil\u202c",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Ω≈ç√∫˜µ≤≥÷",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "__proto__",
  "   ",
  "javascript:alert(1)",
  "http://user:pass@127.0.0.1:5432/",
];

/** Far past every length limit: a field must be refused by its schema, not by the database or memory. */
const HUGE = ["x".repeat(100_000), "é".repeat(50_000), "a@b.c\n".repeat(20_000)];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(...NASTY),
  fc.constantFrom(...HUGE),
);

/** One form field: usually one value, sometimes the field repeated (a list where a scalar belongs). */
function fieldValue(plausible: string[]): fc.Arbitrary<string | string[]> {
  const one = plausible.length ? fc.oneof(hostileText, fc.constantFrom(...plausible)) : hostileText;
  return fc.oneof({ arbitrary: one, weight: 4 }, { arbitrary: fc.array(one, { minLength: 2, maxLength: 4 }), weight: 1 });
}

/**
 * A form's fields, two ways: anything at all (fields missing, repeated, hostile), or nearly valid,
 * where most fields hold a `plausible` value so a run gets past the schema and into the action.
 */
export function formInput(fields: string[], plausible: Record<string, string[]>) {
  const anything = fc.record(Object.fromEntries(fields.map((f) => [f, fieldValue(plausible[f] ?? [])])), { requiredKeys: [] });
  const nearlyValid = fc.record(
    Object.fromEntries(
      fields.map((f) => [f, plausible[f]?.length ? fc.oneof({ arbitrary: fc.constantFrom(...plausible[f]), weight: 6 }, { arbitrary: fieldValue([]), weight: 1 }) : fieldValue([])]),
    ),
  );
  return fc.oneof(anything, nearlyValid) as fc.Arbitrary<Record<string, string | string[]>>;
}

/** Field names that are not part of any form, including ones that poison a plain object. */
export const strayFields = fc.dictionary(fc.constantFrom("__proto__", "constructor", "workspaceId", "role", "id", "$ACTION_ID_x"), hostileText, { maxKeys: 2 });
