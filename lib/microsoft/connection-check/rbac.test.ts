import { describe, expect, it } from "vitest";
import { DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_RBAC_APP } from "@/sandbox/fixtures/demo";
import { useSandbox } from "@/tests/helpers/sandbox";
import { runChecked, statuses, stepOf } from "@/tests/helpers/connection-check";
import type { ConnectionTestInput } from "./types";

const sb = useSandbox();

const run = (app: { clientId: string; clientSecret: string }, overrides: Partial<ConnectionTestInput> = {}) =>
  runChecked(sb.url, { clientId: app.clientId, clientSecret: app.clientSecret, ...overrides });

/** The two causes the advice must name when Graph refuses a token without Mail.Send, and the checks that tell them apart. */
function expectBothCauses(diagnosis: { cause: string; fix: string } | undefined) {
  expect(diagnosis?.cause).toMatch(/admin consent/i);
  expect(diagnosis?.cause).toMatch(/management scope/i);
  expect(diagnosis?.fix).toContain("Test-ServicePrincipalAuthorization -Identity");
  expect(diagnosis?.fix).toContain('Get-ManagementRoleAssignment -Role "Application Mail.Send"');
}

describe("a token without Mail.Send: Exchange RBAC for Applications may still grant it, so Graph decides", () => {
  it("sends through an RBAC-scoped app from a mailbox in its scope, with a warning on the permissions step", async () => {
    const [inScope] = DEMO_RBAC_APP.mailboxes;
    const result = await run(DEMO_RBAC_APP, { mailbox: inScope });
    expect(result.outcome).toBe("passed");
    expect(result.token?.roles).toEqual([]);
    expect(statuses(result)).toEqual({ configuration: "passed", token: "passed", permissions: "warning", mailbox: "skipped", send: "passed" });
    expect(stepOf(result, "permissions")).toMatchObject({
      summary: expect.stringMatching(/no Entra application permissions; Exchange RBAC for Applications may still grant Mail\.Send, so Graph decides/),
      diagnosis: { code: "MAIL_SEND_NOT_IN_TOKEN", severity: "warning" },
    });
    // Without roles the directory lookup is not even tried, as with any app lacking User.Read.All.
    expect(stepOf(result, "mailbox").diagnosis?.code).toBe("USER_READ_ALL_NOT_GRANTED");
    // Exchange may grant Mail.Read too, but nothing in the token says so: no bounce look-up is attempted.
    expect(stepOf(result, "send")).toMatchObject({ details: { bounceCheck: "not-looked" }, summary: expect.stringMatching(/may not read/) });
    expect(result.upstreamCalls).toBe(2);
  });

  it("fails the send from a mailbox outside the app's management scope, naming both causes", async () => {
    const result = await run(DEMO_RBAC_APP, { mailbox: DEMO_MAILBOXES.blockedByPolicy });
    expect(statuses(result)).toMatchObject({ permissions: "warning", send: "failed" });
    expect(result.errorCode).toBe("ADMIN_CONSENT_MISSING");
    expect(result.diagnosis).toMatchObject({ httpStatus: 403, rawMessage: expect.stringMatching(/Access is denied/), ids: { requestId: expect.any(String) } });
    expectBothCauses(result.diagnosis);
  });

  it("fails the send of an app with no consent and no Exchange grant, naming both causes", async () => {
    const result = await run(DEMO_FAILING_APPS.noAdminConsent);
    expect(statuses(result)).toMatchObject({ permissions: "warning", mailbox: "skipped", send: "failed" });
    expect(result.errorCode).toBe("ADMIN_CONSENT_MISSING");
    expect(result.diagnosis).toMatchObject({ httpStatus: 401, rawMessage: expect.stringMatching(/token contains no permissions/) });
    expectBothCauses(result.diagnosis);
  });

  it("fails the send of an app whose permissions leave out Mail.Send with MAIL_SEND_NOT_GRANTED, naming both causes", async () => {
    const result = await run(DEMO_FAILING_APPS.noMailSend);
    expect(stepOf(result, "permissions")).toMatchObject({
      status: "warning",
      summary: expect.stringMatching(/do not include Mail\.Send/),
      details: { roles: expect.arrayContaining(["Mail.Read", "User.Read.All"]) },
    });
    expect(stepOf(result, "mailbox").status).toBe("passed");
    expect(result.errorCode).toBe("MAIL_SEND_NOT_GRANTED");
    expect(result.diagnosis?.httpStatus).toBe(403);
    expectBothCauses(result.diagnosis);
  });

  it("cannot decide in a dry run, which does not send: it passes with the warning and says sending was not tested", async () => {
    const result = await run(DEMO_FAILING_APPS.noAdminConsent, { dryRun: true, to: undefined });
    expect(result.outcome).toBe("passed");
    expect(statuses(result)).toMatchObject({ permissions: "warning", send: "skipped" });
    expect(stepOf(result, "send").summary).toMatch(/sending was not tested/);
  });
});
