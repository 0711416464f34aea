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

/**
 * Who answers a failing request, and with which statuses (the first is the default): the service itself,
 * in its own JSON error shape, or something in front of it, as a network in the way does — an HTML page
 * (a captive portal's 200, a gateway's 502), an empty body (a load balancer's 502/503/504) or a proxy's
 * 407 demanding credentials.
 */
export const FAIL_STATUSES = {
  microsoft: [503, 429, 500],
  html: [502, 200],
  empty: [503, 502, 504],
  proxyAuth: [407],
} as const;
export type FailAs = keyof typeof FAIL_STATUSES;
type ServiceFailStatus = (typeof FAIL_STATUSES.microsoft)[number];

export const faultSchema = z
  .object({
    endpoint: z.enum([...ENDPOINTS, "*"]),
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    failureRate: z.number().min(0).max(1).default(0),
    failNext: z.number().int().min(0).default(0),
    failAs: z.enum(Object.keys(FAIL_STATUSES) as [FailAs, ...FailAs[]]).default("microsoft"),
    failStatus: z.number().int().optional(),
    retryAfterSeconds: z.number().int().min(0).default(1),
    hang: z.boolean().default(false),
  })
  .refine((f) => f.failStatus === undefined || (FAIL_STATUSES[f.failAs] as readonly number[]).includes(f.failStatus), {
    path: ["failStatus"],
    message: `failStatus must be one of: ${Object.entries(FAIL_STATUSES).map(([as, statuses]) => `${statuses.join("/")} (${as})`).join(", ")}.`,
  })
  .transform((f) => ({ ...f, failStatus: f.failStatus ?? FAIL_STATUSES[f.failAs][0] }));
export type Fault = z.infer<typeof faultSchema>;

export type FaultOutcome =
  | { kind: "pass" }
  | { kind: "hang" }
  | { kind: "fail"; status: ServiceFailStatus; retryAfterSeconds: number }
  | { kind: "intermediary"; answer: Exclude<FailAs, "microsoft">; status: number };

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
    if (!forced && Math.random() >= fault.failureRate) return { kind: "pass" };
    if (fault.failAs !== "microsoft") return { kind: "intermediary", answer: fault.failAs, status: fault.failStatus };
    // The schema allows only the service's own statuses with failAs "microsoft".
    return { kind: "fail", status: fault.failStatus as ServiceFailStatus, retryAfterSeconds: fault.retryAfterSeconds };
  }
}
