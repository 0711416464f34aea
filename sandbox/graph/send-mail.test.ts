import { describe, expect, it } from "vitest";
import { DEMO_MAILBOXES } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { graph, sendMail, failure, mail } = graphTestClient(sb);

describe("sendMail as Exchange checks it", () => {
  it("sends as another mailbox only with Send As on it", async () => {
    const token = await sb.appToken();
    expect((await sendMail(token, DEMO_MAILBOXES.sender, { subject: "as Megan", from: DEMO_MAILBOXES.sendAsGranted })).status).toBe(202);
    const [delivered] = await mail(DEMO_MAILBOXES.recipient);
    expect(delivered.from.emailAddress.address).toBe(DEMO_MAILBOXES.sendAsGranted);
    expect(delivered.sender.emailAddress.address).toBe(DEMO_MAILBOXES.sendAsGranted);

    expect(await failure(await sendMail(token, DEMO_MAILBOXES.recipient, { from: DEMO_MAILBOXES.sendAsGranted }))).toEqual({
      status: 403,
      code: "ErrorSendAsDenied",
      message: "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.",
    });
    expect((await failure(await sendMail(token, DEMO_MAILBOXES.sender, { from: "sales@contoso.onmicrosoft.com" }))).code).toBe("ErrorSendAsDenied");
    // The mailbox's own address, in any case, needs nothing.
    expect((await sendMail(token, DEMO_MAILBOXES.sender, { from: DEMO_MAILBOXES.sender.toUpperCase() })).status).toBe(202);
  });

  it("takes custom x- headers and refuses any other", async () => {
    const token = await sb.appToken();
    const ok = await sendMail(token, DEMO_MAILBOXES.sender, { internetMessageHeaders: [{ name: "X-Forge365-Run", value: "r-1" }] });
    expect(ok.status).toBe(202);
    expect(await failure(await sendMail(token, DEMO_MAILBOXES.sender, { internetMessageHeaders: [{ name: "In-Reply-To", value: "<a@b>" }] }))).toEqual({
      status: 400,
      code: "InvalidInternetMessageHeader",
      message: "The internet message header name 'In-Reply-To' should start with 'x-' or 'X-'.",
    });
  });

  it("refuses a request over 4 MB with 413 before looking at the token", async () => {
    const body = "x".repeat(4 * 1024 * 1024);
    const res = await sendMail("not-even-a-token", DEMO_MAILBOXES.sender, { body });
    expect(await failure(res)).toEqual({ status: 413, code: "BadRequest", message: "The maximum request length supported is 4MB." });
    expect(res.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a message over the tenant's maximum message size with ErrorMessageSizeExceeded", async () => {
    await sb.control("PUT", "limits", { maxMessageSizeBytes: 1024 });
    expect(await failure(await sendMail(await sb.appToken(), DEMO_MAILBOXES.sender, { body: "y".repeat(2048) }))).toEqual({
      status: 400,
      code: "ErrorMessageSizeExceeded",
      message: "The message exceeds the maximum supported size.",
    });
    expect(await mail(DEMO_MAILBOXES.recipient)).toEqual([]);
  });

  it("answers for a guest as for any user without a mailbox here", async () => {
    const token = await sb.appToken();
    const asGuest = await failure(await sendMail(token, DEMO_MAILBOXES.guest));
    expect([asGuest.status, asGuest.code]).toEqual([404, "MailboxNotEnabledForRESTAPI"]);
    expect((await failure(await graph(token, `users/${encodeURIComponent(DEMO_MAILBOXES.guest)}/messages`))).code).toBe("MailboxNotEnabledForRESTAPI");
  });
});
