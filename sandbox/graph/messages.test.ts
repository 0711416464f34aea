import { describe, expect, it } from "vitest";
import { DEMO_MAILBOXES } from "../fixtures/demo";
import { graphTestClient } from "./graph-test-client";
import { useSandbox } from "@/tests/helpers/sandbox";

const sb = useSandbox();
const { graph, sendMail, failure } = graphTestClient(sb);
const list = async (token: string, path: string, params: Record<string, string>) =>
  graph(token, `${path}?${new URLSearchParams(params).toString()}`);

async function sendThree(token: string) {
  for (const subject of ["Alpha report", "Beta report", "Alpha follow-up"]) await sendMail(token, DEMO_MAILBOXES.sender, { subject });
}

describe("listing messages with query options", () => {
  it("filters, selects and names the selection in @odata.context", async () => {
    const token = await sb.appToken();
    await sendThree(token);
    const res = await list(token, `users/${DEMO_MAILBOXES.recipient}/mailFolders/inbox/messages`, { $filter: "startswith(subject,'alpha')", $select: "subject,receivedDateTime" });
    const body = await res.json();
    expect(body["@odata.context"]).toMatch(/\/\$metadata#users\('[0-9a-f-]+'\)\/mailFolders\('inbox'\)\/messages\(subject,receivedDateTime\)$/);
    expect(body.value.map((m: { subject: string }) => m.subject)).toEqual(["Alpha follow-up", "Alpha report"]);
    expect(Object.keys(body.value[0]).sort()).toEqual(["@odata.etag", "id", "receivedDateTime", "subject"]);
  });

  it("lists every folder at /messages and orders by what $orderby names", async () => {
    const token = await sb.appToken();
    await sendThree(token);
    const res = await list(token, `users/${DEMO_MAILBOXES.sender}/messages`, { $orderby: "subject asc", $select: "subject" });
    expect((await res.json()).value.map((m: { subject: string }) => m.subject)).toEqual(["Alpha follow-up", "Alpha report", "Beta report"]);
  });

  it("keeps every query option in @odata.nextLink", async () => {
    const token = await sb.appToken();
    await sendThree(token);
    const first = await (await list(token, `users/${DEMO_MAILBOXES.recipient}/messages`, { $filter: "subject ne 'Beta report'", $select: "subject", $top: "1" })).json();
    const next = new URL(first["@odata.nextLink"]);
    expect(Object.fromEntries(next.searchParams)).toEqual({ $filter: "subject ne 'Beta report'", $select: "subject", $top: "1", $skip: "1" });
    const second = await (await fetch(`${sb.url}/graph.microsoft.com${next.pathname}${next.search}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(second.value.map((m: { subject: string }) => m.subject)).toEqual(["Alpha report"]);
    expect(second["@odata.nextLink"]).toBeUndefined();
  });

  it("refuses an $orderby the $filter does not lead with, as Graph does", async () => {
    const token = await sb.appToken();
    const res = await list(token, `users/${DEMO_MAILBOXES.recipient}/messages`, { $filter: "startswith(subject,'a')", $orderby: "receivedDateTime desc" });
    expect(await failure(res)).toEqual({ status: 400, code: "InefficientFilter", message: "The restriction or sort order is too complex for this operation." });
  });

  it("says so when a query option is beyond the sandbox", async () => {
    const token = await sb.appToken();
    const beyond: Record<string, string>[] = [{ $search: '"report"' }, { $filter: "contains(subject,'a')" }, { $select: "nonsense" }];
    for (const params of beyond) {
      const { status, code, message } = await failure(await list(token, `users/${DEMO_MAILBOXES.recipient}/messages`, params));
      expect([status, code]).toEqual([400, "BadRequest"]);
      expect(message).toMatch(/^The sandbox does not support this query/);
    }
  });
});
