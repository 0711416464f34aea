import { type Env, missingProductionConfig } from "@/lib/env";

/**
 * Ends the process with one line when production lacks a variable it cannot run without. Entry
 * points call it first, before anything starts; it imports only lib/env, so it costs nothing.
 */
export function refuseHalfConfigured(vars: Env) {
  const missing = missingProductionConfig(vars);
  if (!missing) return;
  console.error(`forge365 cannot start: ${missing}`);
  process.exit(1);
}
