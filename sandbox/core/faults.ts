import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

/** Every Microsoft endpoint the sandbox serves, by the name a fault setting uses ("*" = all of them). */
export const ENDPOINTS = [
  "openid-configuration",
  "keys",
  "instance-discovery",
  "authorize",
  "token",
  "users",
  "me",
  "organization",
  "domains",
  "sendMail",
  "messages",
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const faultSchema = z.object({
  endpoint: z.enum([...ENDPOINTS, "*"]),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  failureRate: z.number().min(0).max(1).default(0),
  failNext: z.number().int().min(0).default(0),
  failStatus: z.union([z.literal(429), z.literal(500), z.literal(503)]).default(503),
  retryAfterSeconds: z.number().int().min(0).default(1),
  hang: z.boolean().default(false),
});
export type Fault = z.infer<typeof faultSchema>;

export type FaultOutcome =
  | { kind: "pass" }
  | { kind: "hang" }
  | { kind: "fail"; status: 429 | 500 | 503; retryAfterSeconds: number };

export class Faults {
  private readonly byEndpoint = new Map<string, Fault>();

  set(fault: Fault): void {
    this.byEndpoint.set(fault.endpoint, { ...fault });
  }

  list(): Fault[] {
    return [...this.byEndpoint.values()];
  }

  clear(): void {
    this.byEndpoint.clear();
  }

  /** Delays first, so a failure or a hang also costs the configured latency, as a slow upstream would. */
  async apply(endpoint: Endpoint): Promise<FaultOutcome> {
    const fault = this.byEndpoint.get(endpoint) ?? this.byEndpoint.get("*");
    if (!fault) return { kind: "pass" };
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.hang) return { kind: "hang" };
    const forced = fault.failNext > 0;
    if (forced) fault.failNext -= 1;
    if (forced || Math.random() < fault.failureRate) {
      return { kind: "fail", status: fault.failStatus, retryAfterSeconds: fault.retryAfterSeconds };
    }
    return { kind: "pass" };
  }
}
