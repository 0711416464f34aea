import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { dataDir } from "./paths";
import { ProtocolQueue } from "./protocol-queue";

/**
 * The embedded database: PGlite persisted on disk and served on the Postgres wire protocol, so the
 * app talks to it through the same adapter-pg path as to a real Postgres. Only one process may own a
 * data directory; others find the owner through `server.json` and connect to it.
 */
export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface ServerRecord {
  pid: number;
  port: number;
}

export async function startEmbeddedDatabase(
  options: { dir?: string; port?: number } = {},
): Promise<EmbeddedDatabase> {
  const dir = options.dir ?? path.join(dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const recordFile = path.join(dir, "..", `${path.basename(dir)}.server.json`);

  const running = await findRunningServer(recordFile);
  if (running) return { url: urlFor(running.port), owned: false, stop: async () => {} };

  const db = await PGlite.create({ dataDir: dir });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 16,
  });
  // The library's own queue interleaves connections message by message; ours keeps exchanges whole.
  (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
  await server.start();
  const port = listeningPort(server);
  fs.writeFileSync(recordFile, JSON.stringify({ pid: process.pid, port } satisfies ServerRecord));

  let stopped = false;
  return {
    url: urlFor(port),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      fs.rmSync(recordFile, { force: true });
    },
  };
}

function urlFor(port: number) {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function listeningPort(server: PGLiteSocketServer): number {
  const port = Number(server.getServerConn().split(":").pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error("Embedded database did not bind a TCP port");
  return port;
}

async function findRunningServer(recordFile: string): Promise<ServerRecord | null> {
  let record: ServerRecord;
  try {
    record = JSON.parse(fs.readFileSync(recordFile, "utf8")) as ServerRecord;
  } catch {
    return null;
  }
  if (record.pid !== process.pid && isAlive(record.pid) && (await acceptsConnections(record.port))) {
    return record;
  }
  fs.rmSync(recordFile, { force: true });
  return null;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acceptsConnections(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
