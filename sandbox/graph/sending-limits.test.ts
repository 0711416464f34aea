import { describe, expect, it } from "vitest";
import { DEMO_MAILBOXES } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { sendMail, mail } = graphTestClient(sb);
const advance = (advanceSeconds: number) => sb.control("POST", "clock", { advanceSeconds });

describe("Exchange Online's sending limits", () => {
  it("accepts the 31st message of a minute and delivers it once the minute has room", async () => {
    const token = await sb.appToken();
    for (let i = 1; i <= 31; i++) expect((await sendMail(token, DEMO_MAILBOXES.sender, { subject: `m${i}` })).status).toBe(202);

    expect(await mail(DEMO_MAILBOXES.recipient)).toHaveLength(30);
    expect(await mail(DEMO_MAILBOXES.sender, "sentitems")).toHaveLength(31);
    const { sent } = await sb.control<{ sent: { at: string; deliveredAt: string }[] }>("GET", "sent");
    expect(Date.parse(sent[30].deliveredAt) - Date.parse(sent[0].deliveredAt)).toBe(60_000);

    await advance(60);
    expect((await mail(DEMO_MAILBOXES.recipient)).map((m) => m.subject)).toContain("m31");
  });

  it("bounces a message past the daily recipient limit with 5.1.90, and sends again once the day has rolled on", async () => {
    await sb.control("PUT", "limits", { recipientsPerDay: 3, ndrDelaySeconds: 0 });
    const token = await sb.appToken();
    const to = [DEMO_MAILBOXES.recipient, DEMO_MAILBOXES.another];
    expect((await sendMail(token, DEMO_MAILBOXES.sender, { subject: "first", to })).status).toBe(202);
    expect((await sendMail(token, DEMO_MAILBOXES.sender, { subject: "second", to })).status).toBe(202);

    expect((await mail(DEMO_MAILBOXES.recipient)).map((m) => m.subject)).toEqual(["first"]);
    const [bounce] = await mail(DEMO_MAILBOXES.sender);
    expect(bounce.subject).toBe("Undeliverable: second");
    expect(bounce.body.content).toContain("5.1.90 Your message can&#39;t be sent because you&#39;ve reached your daily limit for message recipients");

    await advance(24 * 3600);
    expect((await sendMail(await sb.appToken(), DEMO_MAILBOXES.sender, { subject: "next day", to })).status).toBe(202);
    expect((await mail(DEMO_MAILBOXES.recipient)).map((m) => m.subject)).toContain("next day");
  });
});
