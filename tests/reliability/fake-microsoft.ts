import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Endpoint = "token" | "users" | "sendMail";

/** What one endpoint does with a request: answer (after a delay), never answer, or drop the connection. */
export type Reply =
  | { kind: "answer"; status: number; contentType?: string; headers?: Record<string, string>; body: string; delayMs: number }
  | { kind: "hang" }
  | { kind: "reset" };

function endpointOf(req: IncomingMessage): Endpoint | null {
  const path = req.url ?? "";
  if (path.includes("/oauth2/v2.0/token")) return "token";
  if (path.endsWith("/sendMail")) return "sendMail";
  if (path.includes("/users/")) return "users";
  return null;
}

function send(res: ServerResponse, reply: Extract<Reply, { kind: "answer" }>) {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.contentType) headers["content-type"] = reply.contentType;
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 || reply.status === 304 ? undefined : reply.body);
}

/**
 * A stand-in for Microsoft at a sandbox URL, answering each endpoint exactly as told: malformed or
 * huge bodies, wrong types, missing fields, wrong content types, odd statuses, silence, resets.
 */
export async function startFakeMicrosoft() {
  let replies: Partial<Record<Endpoint, Reply>> = {};
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    const endpoint = endpointOf(req);
    const reply = endpoint ? replies[endpoint] : undefined;
    if (!reply) return send(res, { kind: "answer", status: 404, contentType: "application/json", body: "{}", delayMs: 0 });
    if (reply.kind === "hang") return;
    if (reply.kind === "reset") return req.socket.destroy();
    setTimeout(() => send(res, reply), reply.delayMs);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer(next: Partial<Record<Endpoint, Reply>>) {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An app-only token as Entra issues it (unsigned: the app reads its claims, Graph would check it). */
export function accessToken(claims: object = { roles: ["Mail.Send", "User.Read.All"] }) {
  const now = Math.floor(Date.now() / 1000);
  return `${base64url({ typ: "JWT", alg: "RS256" })}.${base64url({ aud: "https://graph.microsoft.com", iat: now, exp: now + 3600, ...claims })}.c2lnbmF0dXJl`;
}

export const GOOD_TOKEN: Reply = {
  kind: "answer",
  status: 200,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken() }),
  delayMs: 0,
};
