import type { Cloud } from "@/lib/db/generated/prisma/enums";
import { CLOUDS, type CloudId } from "@/lib/microsoft/clouds";

/** The sandbox cloud exists only where an emulator is configured. */
export function sandboxUrl(): string | undefined {
  return process.env.M365_SANDBOX_URL?.replace(/\/+$/, "") || undefined;
}

export function cloudIdOf(cloud: Cloud): CloudId {
  return cloud.toLowerCase() as CloudId;
}

export function cloudLabel(cloud: Cloud) {
  return CLOUDS[cloudIdOf(cloud)].label;
}

export function cloudOptions() {
  const available: Cloud[] = ["GLOBAL", "USGOV", "USGOVDOD", "CHINA", ...(sandboxUrl() ? (["SANDBOX"] as const) : [])];
  return available.map((value) => ({ value, label: cloudLabel(value) }));
}
