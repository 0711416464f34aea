"use server";

import { redirect } from "next/navigation";
import { actorOf, workspaceAction } from "@/lib/actions/workspace-action";
import { enqueueBulkRun, enqueueMailboxTest } from "@/lib/connection-tests/enqueue";
import { processTestQueue } from "@/lib/connection-tests/runner";
import { testAllSchema, testMailboxSchema } from "@/lib/validation/connection-tests";

export const testMailboxAction = workspaceAction({
  name: "tests.run",
  role: "MEMBER",
  schema: testMailboxSchema,
  async run(ctx, input) {
    const test = await enqueueMailboxTest(actorOf(ctx), input.mailboxId, input);
    void processTestQueue();
    return { ok: true, data: { testId: test.id } };
  },
});

export const testAllAction = workspaceAction({
  name: "tests.runAll",
  role: "MEMBER",
  schema: testAllSchema,
  async run(ctx, input) {
    const run = await enqueueBulkRun(actorOf(ctx), { accountId: input.accountId }, input);
    void processTestQueue();
    redirect(`/w/${ctx.workspace.slug}/tests/${run.id}`);
  },
});
