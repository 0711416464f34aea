import { DEFAULT_PORT, startSandbox } from "./index";

const port = Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT);
const sandbox = await startSandbox({ port, fixture: process.env.SANDBOX_FIXTURE || undefined });
console.log(`Microsoft 365 sandbox on ${sandbox.url} (admin view at ${sandbox.url}/, control API at ${sandbox.url}/_sandbox/state)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().finally(() => process.exit(0));
  });
}
