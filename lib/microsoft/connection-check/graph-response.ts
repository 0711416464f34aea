/**
 * A Graph error answer in the shape the catalog's diagnose() reads: status, Graph's error body as text,
 * and the headers that carry request-id and Retry-After.
 */
export class GraphResponseError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
    readonly headers: Headers,
  ) {
    super(`Microsoft Graph answered HTTP ${statusCode}`);
    this.name = "GraphResponseError";
  }
}

/**
 * Requests are made with the SDK's RAW response type so a step can see the status itself (sendMail
 * succeeds with 202 and no body); this restores the throw on an error status.
 */
export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw new GraphResponseError(response.status, await response.text(), response.headers);
}

/** Graph's `error.code`, when the answer carries one: `{ "error": { "code": … } }`. */
export function graphErrorCode(err: GraphResponseError): string | undefined {
  try {
    const code: unknown = (JSON.parse(err.body) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}
