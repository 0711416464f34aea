import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENCRYPTION_KEYS = inject("encryptionKeys");
// Each test drains the queue for its own workspace: a worker process must not run another file's tests.
process.env.RUN_TEST_QUEUE = "false";
// Tests deliver webhooks to receivers on 127.0.0.1; the destination filter's own tests turn this off.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
// The sandbox returns a bounce 2 s after the send; waiting 3 s for one, not 10, keeps sending tests quick.
process.env.BOUNCE_WAIT_SECONDS = "3";
// Sandbox traffic stays on 127.0.0.1: a proxy set on the machine must not carry it (the proxy tests set their own).
for (const name of ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"]) delete process.env[name];
