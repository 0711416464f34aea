import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createUser, createWorkspace } from "@/tests/helpers/factories";
import { ACCOUNT_PAGE_SIZE, listAccounts } from "./accounts";
import { listMailboxes } from "./mailboxes";
import { newRecordId } from "./ids";

it("lists a workspace's accounts a page at a time, newest first, every account on exactly one page", async () => {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const count = ACCOUNT_PAGE_SIZE * 2 + 7;
  // Every one created in the same instant, as a bulk import would: the order must still be total.
  const createdAt = new Date();
  await db.appRegistration.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: newRecordId(),
      workspaceId: workspace.id,
      label: `App ${i}`,
      tenant: "contoso.onmicrosoft.com",
      clientId: "00001111-aaaa-2222-bbbb-3333cccc4444",
      clientSecretSealed: "not opened by this test",
      clientSecretHint: "Abc",
      secretExpiresOn: new Date(Date.UTC(2099, 0, 1)),
      createdAt,
    })),
  });

  const pages = await Promise.all([1, 2, 3].map((page) => listAccounts(workspace.id, page)));
  expect(pages.map((p) => [p.total, p.pageCount, p.rows.length])).toEqual([
    [count, 3, ACCOUNT_PAGE_SIZE],
    [count, 3, ACCOUNT_PAGE_SIZE],
    [count, 3, 7],
  ]);
  const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
  expect(new Set(ids).size).toBe(count);
});

it("finds mailboxes by what is typed, taking % and _ as the characters they are", async () => {
  const owner = await createUser("owner");
  const workspace = await createWorkspace({ OWNER: owner });
  const account = await db.appRegistration.create({
    data: { id: newRecordId(), workspaceId: workspace.id, label: "Search", secretExpiresOn: new Date(Date.UTC(2099, 0, 1)), tenant: "contoso.onmicrosoft.com", clientId: "00001111-aaaa-2222-bbbb-3333cccc4444", clientSecretSealed: "not opened by this test", clientSecretHint: "Abc" },
  });
  const addresses = ["ann_lee@contoso.com", "annxlee@contoso.com", "bob@contoso.com"];
  await db.mailbox.createMany({ data: addresses.map((address) => ({ workspaceId: workspace.id, appRegistrationId: account.id, address })) });
  const found = async (search: string) => (await listMailboxes(workspace.id, { search })).rows.map((m) => m.address);
  expect(await found("ANN_")).toEqual(["ann_lee@contoso.com"]);
  expect(await found("%")).toEqual([]);
  expect(await found("lee@")).toEqual(["ann_lee@contoso.com", "annxlee@contoso.com"]);
});
