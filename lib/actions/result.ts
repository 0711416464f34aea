import type { z } from "zod";

/** What every server action returns to its form: data, or a message and per-field messages. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Echoes what the user typed so the form keeps it; fields named like secrets are never echoed. */
export function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || /password|secret|token/i.test(key)) continue;
    values[key] = value.slice(0, 10_000);
  }
  return values;
}

/** FormData → plain object for zod: repeated keys become arrays, files are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}
