import type { IncomingMessage, ServerResponse } from "node:http";
import { controlApi } from "./control/api";
import type { SandboxContext } from "./core/context";
import { BodyTooLargeError, sendJson, type Exchange } from "./core/http";
import { graphRouter } from "./graph/router";
import { identityRouter } from "./identity/router";
import { adminUi } from "./ui/admin";

/**
 * One listener, addressed by host: `${sandbox}/login.microsoftonline.com/...` and
 * `${sandbox}/graph.microsoft.com/...` are Microsoft's own paths; `/_sandbox/` is the control API; the
 * rest is the admin view.
 */
async function route(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  let segments: string[];
  try {
    segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return sendJson(res, 400, { error: "malformed path" });
  }
  const [first = "", ...rest] = segments;
  const exchange = (path: string[]): Exchange => ({ req, res, url, path });
  switch (first.toLowerCase()) {
    case "login.microsoftonline.com":
      if (await identityRouter(ctx, exchange(rest))) return;
      break;
    case "graph.microsoft.com":
      return graphRouter(ctx, exchange(rest));
    case "_sandbox":
      return controlApi(ctx, exchange(rest));
    default:
      if (adminUi(ctx, exchange(segments))) return;
  }
  sendJson(res, 404, { error: "not_found", path: url.pathname });
}

export function createRequestHandler(ctx: SandboxContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(ctx, req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: err.message });
      console.error("sandbox: unhandled error", err);
      sendJson(res, 500, { error: "sandbox_error" });
    });
  };
}
