import { env } from "@/lib/env";

/** On start, each server instance resumes connection tests left queued or interrupted. */
export async function register() {
  // NEXT_RUNTIME stays a literal process.env read: Next replaces it at build time, which is what keeps
  // the Node-only import below out of the Edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs" || !env().DATABASE_URL) return;
  const { processTestQueue } = await import("@/lib/jobs/connection-check-runner");
  void processTestQueue();
}
