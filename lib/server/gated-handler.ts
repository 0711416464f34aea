import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/log";
import type { AdmissionGate } from "./admission";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

// Built files are read from disk and cached by the browser; they never wait behind a render.
const UNGATED = /^\/(?:_next\/static\/|favicon\.ico$)/;
const BASE = "http://gate.invalid";
const RETRY_AFTER_SECONDS = 5;
const BUSY_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>forge365 is busy</title><body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>forge365 is busy</h1><p>Too many requests are waiting. Try again in a few seconds.</p></body></html>`;

/**
 * Decides on the path the router will serve, not on how the request spells it: the router resolves
 * dot segments, plain or percent-encoded (with the WHATWG URL parser, in Next's parseRelativeUrl), so
 * "/_next/static/%2e%2e/sign-in" is the sign-in page and waits its turn like any page. A request
 * line that names another host ("//host/…", absolute form) is not a built file either.
 */
function isBuiltFile(requestTarget: string) {
  if (!URL.canParse(requestTarget, BASE)) return false;
  const url = new URL(requestTarget, BASE);
  return url.origin === BASE && UNGATED.test(url.pathname);
}

/**
 * Puts every page, action and route request through the admission gate: it runs when its turn
 * comes, leaves its place when the response ends or the client goes, and is answered 503 with
 * Retry-After when the queue is full.
 */
export function gatedHandler(handle: Handler, gate: AdmissionGate): Handler {
  let refused = 0;
  let lastWarning = 0;
  return async (req, res) => {
    if (isBuiltFile(req.url ?? "")) return handle(req, res);
    const ticket = gate.enter();
    if (!ticket) {
      refused += 1;
      // One line per ten seconds of overload, not one per refused request.
      if (Date.now() - lastWarning > 10_000) {
        logger.warn({ refused, running: gate.running, waiting: gate.waiting }, "server busy: requests refused with 503");
        lastWarning = Date.now();
        refused = 0;
      }
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store", "x-content-type-options": "nosniff" });
      res.end(BUSY_PAGE);
      return;
    }
    res.once("close", ticket.leave);
    await ticket.admitted;
    return handle(req, res);
  };
}
