import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "./app";
import { SigningKeys } from "./core/keys";
import type { FixtureInput } from "./core/schema";
import { SandboxState } from "./core/state";

export const DEFAULT_FIXTURE = fileURLToPath(new URL("./fixtures/default.json", import.meta.url));
export const DEFAULT_PORT = 4010;

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** A fixture file path, or the fixture itself. */
  fixture?: string | FixtureInput;
}

export interface RunningSandbox {
  /** Base URL; Microsoft URLs map to `${url}/<host>/<path>`. */
  url: string;
  state: SandboxState;
  close(): Promise<void>;
}

async function loadFixture(fixture: SandboxOptions["fixture"]): Promise<unknown> {
  if (fixture && typeof fixture === "object") return fixture;
  return JSON.parse(await readFile(fixture ?? DEFAULT_FIXTURE, "utf8"));
}

/** Starts the Microsoft 365 sandbox on 127.0.0.1 with its state loaded from the fixture. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = SandboxState.fromInput(await loadFixture(options.fixture));
  const keys = await SigningKeys.generate();
  const server = createServer(createRequestHandler({ state, keys }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hung requests (a fault setting) would otherwise hold the server open forever.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export type { SandboxState } from "./core/state";
export type { FixtureInput } from "./core/schema";
