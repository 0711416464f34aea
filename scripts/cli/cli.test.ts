import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_MAILBOXES, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const BIN = fileURLToPath(new URL("../../bin/forge365.mjs", import.meta.url));
const WRONG_SECRET = "Abc8Q~wrongwrongwrongwrongwrongwrongwron";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command as a user would, from outside the repository; asynchronously, so the sandbox in this process can answer. */
async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const run = await new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: "/", env: { NODE_ENV: "test", PATH: process.env.PATH, M365_SANDBOX_URL: sb.url, FORGE_SECRET: DEMO_CLIENT_SECRET, BOUNCE_WAIT_SECONDS: "3", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
  // Whatever the outcome, neither credential may reach the terminal.
  for (const stream of [run.stdout, run.stderr]) {
    expect(stream).not.toContain(DEMO_CLIENT_SECRET);
    expect(stream).not.toContain(WRONG_SECRET);
    expect(stream).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  }
  return run;
}

const base = (mailbox: string = DEMO_MAILBOXES.sender) => [
  "test-connection",
  "--tenant",
  DEMO_TENANT_ID,
  "--client-id",
  DEMO_CLIENT_ID,
  "--client-secret-env",
  "FORGE_SECRET",
  "--mailbox",
  mailbox,
  "--cloud",
  "sandbox",
];

describe("forge365 test-connection", () => {
  it("prints each step and exits 0 when the mailbox can send", async () => {
    const run = await cli([...base(), "--to", DEMO_MAILBOXES.recipient, "--workspace", "Acme Sandbox"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    for (const step of ["configuration", "token", "permissions", "mailbox", "send"]) expect(run.stdout).toMatch(new RegExp(`^✓ ${step} +\\d+ ms`, "m"));
    expect(run.stdout).toMatch(/^Passed in \d+ ms/m);
    const { messages } = await sb.control<{ messages: { subject: string }[] }>("GET", `mail?mailbox=${DEMO_MAILBOXES.recipient}`);
    expect(messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^forge365 connection test — Acme Sandbox — /)]);
  });

  it("prints the diagnosis and exits 1 when a step fails", async () => {
    const run = await cli([...base(), "--to", DEMO_MAILBOXES.recipient], { FORGE_SECRET: WRONG_SECRET });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ token .*\[AADSTS7000215\]$/m);
    expect(run.stdout).toMatch(/^– send +0 ms +Not run/m);
    expect(run.stdout).toMatch(/^Failed at token/m);
    for (const label of ["AADSTS7000215: ", "Cause: ", "Fix: ", "Docs: https://learn.microsoft.com/", "Trace ID: ", "Correlation ID: "]) {
      expect(run.stdout).toContain(label);
    }
  });

  it("prints only the JSON result with --json", async () => {
    const passed = await cli([...base(), "--dry-run", "--json"]);
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ outcome: "passed", steps: expect.arrayContaining([expect.objectContaining({ name: "send", status: "skipped" })]) });

    const failed = await cli([...base(DEMO_MAILBOXES.nonexistent), "--dry-run", "--json"]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ outcome: "failed", errorCode: "Request_ResourceNotFound" });
  });

});

// Nothing here reaches the sandbox, so the cases can start their processes side by side.
describe.concurrent("forge365 usage errors", () => {
  it.each([
    ["no command", [], {}, /Usage: forge365/],
    ["an unknown command", ["send-everything"], {}, /Unknown command "send-everything"/],
    ["a secret given as a flag", [...base(), "--dry-run", "--client-secret", WRONG_SECRET], {}, /--client-secret is not accepted/],
    ["a secret given as --client-secret=", [...base(), "--dry-run", `--client-secret=${WRONG_SECRET}`], {}, /--client-secret is not accepted/],
    ["a missing recipient", base(), {}, /--to: Name the recipient/],
    ["an invalid tenant", [...base(), "--dry-run", "--tenant", "not a tenant"], {}, /--tenant: /],
    ["an unknown cloud", [...base(), "--dry-run", "--cloud", "mars"], {}, /--cloud: Choose one of global/],
    ["an unknown option", [...base(), "--dry-run", "--verbose"], {}, /Unknown option '--verbose'/],
    ["an unset secret variable", [...base(), "--dry-run"], { FORGE_SECRET: undefined }, /FORGE_SECRET is not set/],
    ["the sandbox without its URL", [...base(), "--dry-run"], { M365_SANDBOX_URL: undefined }, /needs M365_SANDBOX_URL/],
  ])("exits 2 with a clear message for %s", async (_name, args, env, message) => {
    const run = await cli(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  it("prints its help and exits 0 with --help", async () => {
    const run = await cli(["test-connection", "--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("--client-secret-env <VAR>");
  });
});
