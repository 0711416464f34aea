/** On start, each server instance resumes connection tests left queued or interrupted. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { processTestQueue } = await import("@/lib/jobs/connection-check-runner");
  void processTestQueue();
}
