"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { enqueueBulkRun, enqueueMailboxTest } from "@/lib/connection-checks/enqueue";
import { processTestQueue } from "@/lib/jobs/connection-check-runner";
import { disconnectMailbox } from "@/lib/delegated/connection";
import { connectResultPath } from "@/lib/delegated/result-path";
import { startConnect } from "@/lib/delegated/start";
import { testAllSchema, testMailboxSchema } from "@/lib/connection-checks/schemas";
import { mailboxConnectionSchema } from "@/lib/delegated/schemas";

export const testMailboxAction = workspaceAction({
  name: "tests.run",
  role: "MEMBER",
  schema: testMailboxSchema,
  async run(ctx, input) {
    const test = await enqueueMailboxTest(ctx.actor, input.mailboxId, input);
    void processTestQueue();
    return { ok: true, data: { testId: test.id } };
  },
});

export const testAllAction = workspaceAction({
  name: "tests.runAll",
  role: "MEMBER",
  schema: testAllSchema,
  async run(ctx, input) {
    const run = await enqueueBulkRun(ctx.actor, { accountId: input.accountId }, input);
    void processTestQueue();
    redirect(`/w/${ctx.workspace.slug}/tests/${run.id}`);
  },
});

/** Sends the browser to Microsoft's sign-in for the mailbox, or back to it with the diagnosis. */
export const connectMailboxAction = workspaceAction({
  name: "mailboxes.connect",
  role: "MEMBER",
  schema: mailboxConnectionSchema,
  async run(ctx, input) {
    const started = await startConnect(ctx.actor, input.mailboxId);
    redirect(
      "authorizeUrl" in started
        ? started.authorizeUrl
        : connectResultPath({ status: "failed", code: started.failed, slug: ctx.workspace.slug, mailboxId: input.mailboxId }),
    );
  },
});

/**
 * Open to the same members who may connect: withdrawing forge365's access to a mailbox should never
 * take more than granting it, and nothing is lost that Connect cannot restore.
 */
export const disconnectMailboxAction = workspaceAction({
  name: "mailboxes.disconnect",
  role: "MEMBER",
  schema: mailboxConnectionSchema,
  async run(ctx, input) {
    await disconnectMailbox(ctx.actor, input.mailboxId);
    return { ok: true, data: undefined, message: "Disconnected: forge365 no longer holds this mailbox's sign-in." };
  },
});
