import { describe, expect, it } from "vitest";
import { DEMO_MAILBOXES, DEMO_TENANT_ID } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { graph, sendMail, mail } = graphTestClient(sb);
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe("non-delivery reports", () => {
  it("accepts a restricted sender's mail, then bounces it into the sender's Inbox where a client can find it", async () => {
    const token = await sb.appToken();
    const sender = DEMO_MAILBOXES.restrictedSender;
    const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, "Z");
    const sent = await sendMail(token, sender, { subject: "Invoice 42", internetMessageHeaders: [{ name: "X-Forge365-Send", value: "send-7f3a" }] });
    expect(sent.status).toBe(202);
    expect(await mail(DEMO_MAILBOXES.recipient)).toEqual([]);
    // The bounce follows a moment later (limits.ndrDelaySeconds).
    expect(await mail(sender)).toEqual([]);
    await sb.control("POST", "clock", { advanceSeconds: 5 });

    // What the client marked its message with, found back in Sent Items.
    const own = await graph(token, `users/${sender}/mailFolders/sentitems/messages?${q({ $filter: "subject eq 'Invoice 42'", $select: "internetMessageId,internetMessageHeaders" })}`);
    const [original] = (await own.json()).value;
    expect(original.internetMessageHeaders).toEqual([{ name: "X-Forge365-Send", value: "send-7f3a" }]);

    const list = await graph(
      token,
      `users/${sender}/messages?${q({ $filter: `receivedDateTime ge ${since} and startswith(subject,'Undeliverable:')`, $orderby: "receivedDateTime desc", $select: "subject,from,toRecipients,body", $top: "5" })}`,
    );
    expect(list.status).toBe(200);
    const { value } = await list.json();
    expect(value).toHaveLength(1);
    const [ndr] = value;
    expect(ndr.subject).toBe("Undeliverable: Invoice 42");
    expect(ndr.from.emailAddress).toEqual({ name: "Microsoft Outlook", address: "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.onmicrosoft.com" });
    expect(ndr.toRecipients).toEqual([{ emailAddress: { name: DEMO_MAILBOXES.recipient, address: DEMO_MAILBOXES.recipient } }]);
    const messageId = original.internetMessageId.replace("<", "&lt;").replace(">", "&gt;"); // the body is HTML
    for (const text of ["Delivery has failed to these recipients or groups:", "550 5.1.8 Access denied, bad outbound sender", "Original message headers:", `Message-ID: ${messageId}`, "X-Forge365-Send: send-7f3a"]) {
      expect(ndr.body.content).toContain(text);
    }
    const { sent: log } = await sb.control<{ sent: { ndr: string | null; deliveredTo: string[] }[] }>("GET", "sent");
    expect(log[0]).toMatchObject({ ndr: "5.1.8", deliveredTo: [] });
  });

  it.each([
    ["tenantExceededThreshold", "550 5.7.705 Access denied, tenant has exceeded threshold"],
    ["lowReputationIp", "550 5.7.708 Access denied, traffic not accepted from this IP"],
  ])("bounces every sender of a tenant whose outbound mail is blocked (%s)", async (outboundBlock, response) => {
    await sb.control("PATCH", `tenants/${DEMO_TENANT_ID}`, { outboundBlock });
    await sb.control("PUT", "limits", { ndrDelaySeconds: 0 });
    expect((await sendMail(await sb.appToken(), DEMO_MAILBOXES.sender, { subject: "blocked" })).status).toBe(202);
    const [ndr] = await mail(DEMO_MAILBOXES.sender);
    expect(ndr.subject).toBe("Undeliverable: blocked");
    expect(ndr.body.content).toContain(response);
  });
});
