import type { IncomingMessage, ServerResponse } from "node:http";

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path segments after the host prefix, already URL-decoded. */
  path: string[];
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json; charset=utf-8",
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, "Content-Type": contentType, "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    // Nothing on these pages needs script or remote content; mail bodies are rendered in a sandboxed iframe.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self' http: https:",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(html);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

/** Matches path segments against a pattern whose ":name" segments capture; fixed segments ignore case. */
export function matchPath(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, p] of pattern.entries()) {
    if (p.startsWith(":")) params[p.slice(1)] = path[i];
    else if (p.toLowerCase() !== path[i].toLowerCase()) return undefined;
  }
  return params;
}
