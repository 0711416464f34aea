import type { DiagnosisIds } from "@/lib/microsoft/catalog";
import { CLOUDS, type CloudId } from "@/lib/microsoft/clouds";
import type { Fetch } from "@/lib/microsoft/transport";

export interface UpstreamCall {
  /** Until the answer's headers arrived, or the request failed. */
  durationMs: number;
  timedOut: boolean;
  ids: DiagnosisIds;
}

const isTimeout = (err: unknown) => err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

function httpDate(value: string | null): string | undefined {
  const at = value ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/**
 * The identifiers Microsoft support asks for. Entra names a request by its x-ms-request-id (the "Trace ID"
 * in its messages) and the caller's client-request-id (the "Correlation ID"); Graph by request-id and
 * client-request-id. Both are on successful answers too, which is when nobody thinks to keep them.
 * MSAL sends its correlation ID as a client-request-id query parameter rather than a header.
 */
function idsOf(identity: boolean, sentClientRequestId: string | undefined, response?: Response): DiagnosisIds {
  const clientRequestId = response?.headers.get("client-request-id") ?? sentClientRequestId;
  const timestamp = httpDate(response?.headers.get("date") ?? null);
  const ids: DiagnosisIds = identity
    ? { traceId: response?.headers.get("x-ms-request-id") ?? undefined, correlationId: clientRequestId, timestamp }
    : { requestId: response?.headers.get("request-id") ?? undefined, clientRequestId, timestamp };
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value)) as DiagnosisIds;
}

/**
 * Every request of one run to Microsoft, through one fetch: how long Microsoft took, which requests timed
 * out, and the identifiers to quote. It also ties each request to the run's deadline.
 */
export class Upstream {
  readonly calls: UpstreamCall[] = [];

  constructor(private readonly deadline: AbortSignal) {}

  get totalMs(): number {
    return this.calls.reduce((sum, call) => sum + call.durationMs, 0);
  }

  /** Wraps the connection's Microsoft fetch, which must see the Microsoft URL (before any sandbox rewrite). */
  wrap(fetch: Fetch, cloud: CloudId): Fetch {
    const identityHost = CLOUDS[cloud].authorityHost;
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const identity = url.host === identityHost;
      const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
      const sentClientRequestId = headers.get("client-request-id") ?? url.searchParams.get("client-request-id") ?? undefined;
      const signal = init?.signal ? AbortSignal.any([init.signal, this.deadline]) : this.deadline;
      const started = performance.now();
      const record = (call: Omit<UpstreamCall, "durationMs">) => this.calls.push({ durationMs: performance.now() - started, ...call });
      try {
        const response = await fetch(input, { ...init, signal });
        record({ timedOut: false, ids: idsOf(identity, sentClientRequestId, response) });
        return response;
      } catch (err) {
        record({ timedOut: isTimeout(err), ids: idsOf(identity, sentClientRequestId) });
        throw err;
      }
    };
  }
}
