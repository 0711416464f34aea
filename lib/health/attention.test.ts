import { describe, expect, it } from "vitest";
import { expiryText, secretExpiryIn } from "@/lib/accounts/expiry";
import { db } from "@/lib/db/client";
import { createAccountIn, createUser, createWorkspace } from "@/tests/helpers/factories";
import { needsAttention, rankAttention } from "./attention";

/** The clock of every test: late evening in New York, already the next day in UTC. */
const NOW = new Date("2027-03-10T03:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("secret expiry levels", () => {
  it.each([
    ["2027-05-01", "ok", "OK"],
    ["2027-04-09", "within30", "Expires in 30 days"],
    ["2027-04-08", "within30", "Expires in 29 days"],
    ["2027-03-24", "within14", "Expires in 14 days"],
    ["2027-03-17", "within7", "Expires in 7 days"],
    ["2027-03-11", "within7", "Expires in 1 day"],
    ["2027-03-10", "within7", "Expires today"],
    ["2027-03-09", "expired", "Expired 1 day ago"],
  ])("a secret expiring on %s is %s in UTC (%s)", (date, level, text) => {
    const expiry = secretExpiryIn(day(date), "UTC", NOW);
    expect(expiry.level).toBe(level);
    expect(expiryText(expiry)).toBe(text);
  });

  it("judges 'today' in the workspace's time zone", () => {
    // 03:30 UTC on March 10 is still March 9 in New York: a secret ending on the 10th has a day left there.
    expect(expiryText(secretExpiryIn(day("2027-03-10"), "America/New_York", NOW))).toBe("Expires in 1 day");
    expect(expiryText(secretExpiryIn(day("2027-03-09"), "America/New_York", NOW))).toBe("Expires today");
    expect(secretExpiryIn(day("2027-03-09"), "Asia/Tokyo", NOW).level).toBe("expired");
  });
});

const account = (label: string, expires: string, failing = 0, reconnect = 0) => ({ id: label.toLowerCase(), label, secretExpiresOn: day(expires), failing, reconnect });

describe("Needs attention", () => {
  const where = { slug: "acme", timeZone: "UTC" };

  it("orders by urgency: expired, reconnect, a week left, failing mailboxes, two weeks, four weeks; healthy accounts are not listed", () => {
    const items = rankAttention(
      [
        account("Thirty", "2027-04-01"),
        account("Fine", "2028-01-01"),
        account("Failing", "2028-01-01", 3),
        account("Fourteen", "2027-03-20"),
        account("Expired", "2027-03-01"),
        account("Seven", "2027-03-15"),
        account("Reconnect", "2028-01-01", 0, 2),
      ],
      where,
      NOW,
    );
    expect(items.map((i) => i.title)).toEqual([
      "Expired: client secret expired",
      "Reconnect: 2 mailboxes must be connected again",
      "Seven: client secret expires soon",
      "Failing: 3 mailboxes failing",
      "Fourteen: client secret expires soon",
      "Thirty: client secret expires soon",
    ]);
    expect(items.map((i) => i.severity)).toEqual(["critical", "critical", "critical", "warning", "warning", "warning"]);
    expect(items[0]).toMatchObject({ href: "/w/acme/accounts/expired", detail: expect.stringMatching(/^Expired 9 days ago\./) });
  });

  it("the sooner of two secrets comes first, and one account can need attention twice", () => {
    const items = rankAttention([account("Later", "2027-03-16"), account("Sooner", "2027-03-12", 1)], where, NOW);
    expect(items.map((i) => `${i.kind}:${i.accountId}`)).toEqual(["secret:sooner", "secret:later", "failing:sooner"]);
  });

  it("moves an account up the list as the clock moves on", () => {
    const list = (now: string) => rankAttention([account("A", "2027-04-05")], where, new Date(now)).map((i) => i.severity);
    expect(list("2027-02-01T12:00:00Z")).toEqual([]);
    expect(list("2027-03-10T12:00:00Z")).toEqual(["warning"]);
    expect(list("2027-03-30T12:00:00Z")).toEqual(["critical"]);
    expect(rankAttention([account("A", "2027-04-05")], where, new Date("2027-04-06T00:00:00Z"))[0].title).toBe("A: client secret expired");
  });

  it("reads the workspace's accounts and mailbox statuses from the database", async () => {
    const owner = await createUser();
    const workspace = await createWorkspace({ OWNER: owner });
    const soon = await createAccountIn(workspace.id, owner.id, ["a@contoso.test", "b@contoso.test", "c@contoso.test"]);
    await db.appRegistration.update({ where: { id: soon.id }, data: { secretExpiresOn: day("2027-03-15") } });
    await db.mailbox.update({ where: { id: soon.mailboxes[0].id }, data: { status: "FAILING" } });
    await db.mailbox.update({ where: { id: soon.mailboxes[1].id }, data: { status: "RECONNECT_REQUIRED" } });
    await createAccountIn(workspace.id, owner.id, ["d@contoso.test"]);
    const items = await needsAttention(workspace, NOW);
    expect(items.map((i) => [i.kind, i.accountId])).toEqual([
      ["reconnect", soon.id],
      ["secret", soon.id],
      ["failing", soon.id],
    ]);
  });

  it("lists no mailbox whose last test passed, whether it sent (Healthy) or was a dry run (Ready)", async () => {
    const owner = await createUser();
    const workspace = await createWorkspace({ OWNER: owner });
    const account = await createAccountIn(workspace.id, owner.id, ["sent@contoso.test", "dry@contoso.test"]);
    await db.appRegistration.update({ where: { id: account.id }, data: { secretExpiresOn: day("2028-01-01") } });
    await db.mailbox.update({ where: { id: account.mailboxes[0].id }, data: { status: "HEALTHY" } });
    await db.mailbox.update({ where: { id: account.mailboxes[1].id }, data: { status: "READY" } });
    expect(await needsAttention(workspace, NOW)).toEqual([]);
  });
});
