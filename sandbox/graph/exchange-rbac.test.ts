import { describe, expect, it } from "vitest";
import { DEMO_CLIENT_ID, DEMO_FAILING_APPS, DEMO_MAILBOXES, DEMO_RBAC_APP, DEMO_TENANT_ID } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { graph, sendMail, failure, mail } = graphTestClient(sb);
const rbacToken = () => sb.appToken(DEMO_RBAC_APP.clientId, DEMO_RBAC_APP.clientSecret);
const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());

describe("Exchange RBAC for Applications", () => {
  it("lets an app without any Entra permission send and read in the mailboxes of its scope", async () => {
    const token = await rbacToken();
    expect(claims(token).roles).toBeUndefined();
    expect(DEMO_RBAC_APP.mailboxes).toEqual([DEMO_MAILBOXES.sender, DEMO_MAILBOXES.recipient]);

    expect((await sendMail(token, DEMO_MAILBOXES.sender, { subject: "scoped" })).status).toBe(202);
    expect((await mail(DEMO_MAILBOXES.recipient)).map((m) => m.subject)).toEqual(["scoped"]);
    const inbox = await graph(token, `users/${DEMO_MAILBOXES.recipient}/mailFolders/inbox/messages`);
    expect((await inbox.json()).value.map((m: { subject: string }) => m.subject)).toEqual(["scoped"]);
  });

  it("refuses mailboxes outside the scope with ErrorAccessDenied", async () => {
    const token = await rbacToken();
    expect(await failure(await sendMail(token, DEMO_MAILBOXES.another))).toEqual({
      status: 403,
      code: "ErrorAccessDenied",
      message: "Access is denied. Check credentials and try again.",
    });
    expect((await failure(await graph(token, `users/${DEMO_MAILBOXES.another}/messages`))).status).toBe(403);
  });

  it("follows assignments added and removed through the control API, an organization-wide one included", async () => {
    const token = await rbacToken();
    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/role-assignments`, { name: "Everyone", appId: DEMO_RBAC_APP.clientId, role: "Application Mail Full Access" });
    expect((await sendMail(token, DEMO_MAILBOXES.another)).status).toBe(202);

    for (const name of ["Everyone", "RBAC Scoped App Mail.Send"]) await sb.control("DELETE", `tenants/${DEMO_TENANT_ID}/role-assignments/${encodeURIComponent(name)}`);
    // Mail.Read is still assigned, so Graph has a permission to weigh and refuses the send itself.
    expect((await failure(await sendMail(token, DEMO_MAILBOXES.sender))).code).toBe("ErrorAccessDenied");
  });

  it("adds to Entra's grants: an access policy constrains only those", async () => {
    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/application-access-policies`, { appId: DEMO_RBAC_APP.clientId, accessRight: "DenyAccess", mailboxes: [DEMO_MAILBOXES.sender] });
    expect((await sendMail(await rbacToken(), DEMO_MAILBOXES.sender)).status).toBe(202);

    await sb.control("POST", `tenants/${DEMO_TENANT_ID}/role-assignments`, { name: "Mailer to Megan", appId: DEMO_CLIENT_ID, role: "Application Mail.Send", mailboxes: [DEMO_MAILBOXES.blockedByPolicy] });
    expect((await sendMail(await sb.appToken(), DEMO_MAILBOXES.blockedByPolicy)).status).toBe(202);
  });
});

describe("tokens Graph cannot find a permission in", () => {
  it("answers 401 NoPermissionsInAccessToken when neither roles nor any Exchange assignment exist", async () => {
    const { clientId, clientSecret } = DEMO_FAILING_APPS.noAdminConsent;
    const token = await sb.appToken(clientId, clientSecret);
    expect(claims(token).roles).toBeUndefined();
    expect(await failure(await sendMail(token, DEMO_MAILBOXES.sender))).toEqual({
      status: 401,
      code: "NoPermissionsInAccessToken",
      message: "The token contains no permissions, or permissions can not be understood.",
    });
  });

  it("keeps 403 ErrorAccessDenied for a token whose roles lack Mail.Send", async () => {
    const { clientId, clientSecret } = DEMO_FAILING_APPS.noMailSend;
    expect((await failure(await sendMail(await sb.appToken(clientId, clientSecret), DEMO_MAILBOXES.sender))).code).toBe("ErrorAccessDenied");
  });
});
