import { z } from "zod";

/** A single-line name shown across the UI: trimmed, bounded, and free of markup characters. */
export function displayName(what: string, max = 80) {
  return z
    .string({ error: `Enter a ${what}.` })
    .trim()
    .min(1, `Enter a ${what}.`)
    .max(max, `A ${what} has at most ${max} characters.`)
    .refine((v) => !/[<>]/.test(v), `A ${what} cannot contain < or >.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `A ${what} cannot contain control characters.`);
}
