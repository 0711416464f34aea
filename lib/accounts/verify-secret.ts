import { APP_VERSION } from "@/lib/app-version";
import { db } from "@/lib/db/client";
import { runConnectionTest, type StepName } from "@/lib/microsoft/connection-check";
import { UserFacingError } from "@/lib/errors";
import { microsoftApp } from "./microsoft-app";

/** The steps that judge the secret itself; later ones judge the app's permissions or a mailbox, which the old secret shares. */
const SECRET_STEPS: StepName[] = ["configuration", "token"];

/** Healthy mailboxes first: the check should be about the new secret, not about a mailbox already known to fail. */
const mailboxPreference = ["HEALTHY", "READY", "UNTESTED", "RECONNECT_REQUIRED", "FAILING"];

/**
 * Proves a new client secret with a dry-run Test Connection before it replaces the stored one, so a
 * mistyped value never takes down a working account. Throws a user-facing refusal naming Microsoft's
 * verdict; resolves with the run's outcome otherwise (a failing mailbox does not block the secret).
 */
export async function verifyNewSecret(workspaceId: string, accountId: string, secret: { clientSecret: string; secretExpiresOn: Date }) {
  const account = await db.appRegistration.findFirst({
    where: { id: accountId, workspaceId },
    select: {
      id: true,
      workspaceId: true,
      cloud: true,
      tenant: true,
      clientId: true,
      workspace: { select: { name: true, locale: true, timeZone: true } },
      mailboxes: { select: { address: true, status: true }, take: 50, orderBy: { address: "asc" } },
    },
  });
  if (!account) throw new UserFacingError("This account no longer exists in this workspace.");
  const mailbox = [...account.mailboxes].sort((a, b) => mailboxPreference.indexOf(a.status) - mailboxPreference.indexOf(b.status))[0];
  if (!mailbox) throw new UserFacingError("Add a mailbox to this account first: the new secret is tested with one before it is saved.");

  const result = await runConnectionTest({
    ...microsoftApp(account, secret.clientSecret),
    secretExpiresOn: secret.secretExpiresOn,
    mailbox: mailbox.address,
    dryRun: true,
    workspaceName: account.workspace.name,
    dateTimePrefs: account.workspace,
    appVersion: APP_VERSION,
  });
  const failed = result.steps.find((s) => s.status === "failed");
  if (failed && SECRET_STEPS.includes(failed.name)) {
    const title = result.diagnosis?.title ?? failed.summary;
    throw new UserFacingError(`Microsoft did not accept the new secret: ${title}. Nothing was changed; the current secret stays in use.`, "clientSecret");
  }
  return { mailbox: mailbox.address, outcome: result.outcome, diagnosis: result.diagnosis };
}
