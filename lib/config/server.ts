import { z } from "zod";
import type { AdmissionLimits } from "@/lib/server/admission";

const count = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

const schema = z.object({
  MAX_CONCURRENT_REQUESTS: count(32),
  MAX_QUEUED_REQUESTS: count(2_000),
});

/**
 * How many requests one instance renders at once and how many may wait (MAX_CONCURRENT_REQUESTS,
 * MAX_QUEUED_REQUESTS). A value that is not a positive whole number stops the server at start,
 * rather than serving with a limit nobody chose.
 */
export function admissionLimits(env: Record<string, string | undefined> = process.env): AdmissionLimits {
  const parsed = schema.safeParse({ MAX_CONCURRENT_REQUESTS: env.MAX_CONCURRENT_REQUESTS || undefined, MAX_QUEUED_REQUESTS: env.MAX_QUEUED_REQUESTS || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue.path[0])} must be a whole number from 1 to 100000.`);
  }
  return { maxConcurrent: parsed.data.MAX_CONCURRENT_REQUESTS, maxQueued: parsed.data.MAX_QUEUED_REQUESTS };
}
