import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createProxy } from "proxy";

export interface RunningProxy {
  /** http://127.0.0.1:<port>, for HTTP_PROXY. */
  readonly url: string;
  /** Request lines seen inside its CONNECT tunnels ("POST /login.microsoftonline.com/…/token"). */
  readonly requests: string[];
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1\r\n/;

/** Listens on 127.0.0.1, and on close ends every connection, tunnels included, rather than waiting for them. */
async function serve(server: http.Server, requests: string[] = []): Promise<RunningProxy> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A real forward proxy (TooTallNate's `proxy`: CONNECT tunnels, Basic authentication through `authenticate`).
 * The sandbox speaks plain HTTP inside the tunnel, so the proxy can log each request that went through it.
 */
export function forwardProxy(authenticate?: (req: http.IncomingMessage) => boolean): Promise<RunningProxy> {
  const server = createProxy(http.createServer());
  if (authenticate) server.authenticate = authenticate;
  const requests: string[] = [];
  server.on("connect", (_req: http.IncomingMessage, socket: Socket) => {
    socket.on("data", (chunk: Buffer) => {
      const line = REQUEST_LINE.exec(chunk.toString("latin1"));
      if (line) requests.push(`${line[1]} ${line[2]}`);
    });
  });
  return serve(server, requests);
}

/** A proxy that refuses every tunnel with its own error page, as one does when it cannot reach the host. */
export function refusingProxy(status: number, page: string): Promise<RunningProxy> {
  const server = http.createServer();
  server.on("connect", (_req: http.IncomingMessage, socket: Socket) => {
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\nConnection: close\r\n\r\n${page}`);
  });
  return serve(server);
}

/**
 * A proxy that opens every tunnel and then answers inside it with a page of its own, as a TLS-inspecting
 * gateway or a captive portal does once the client trusts it.
 */
export function inspectingProxy(status: number, page: string): Promise<RunningProxy> {
  const inner = http.createServer((_req, res) => {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page);
  });
  const server = http.createServer();
  server.on("connect", (_req: http.IncomingMessage, socket: Socket) => {
    socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
    inner.emit("connection", socket);
  });
  return serve(server);
}
