import { env } from "@/lib/env";

/** The sandbox cloud exists only where an emulator is configured (M365_SANDBOX_URL). */
export function sandboxUrl(): string | undefined {
  return env().M365_SANDBOX_URL;
}
