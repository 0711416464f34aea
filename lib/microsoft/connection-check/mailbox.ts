import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { diagnose } from "@/lib/microsoft/catalog";
import { isMailbox, readMe, signInName } from "@/lib/microsoft/me";
import { ensureOk } from "./graph-response";
import { failed, type Done } from "./outcome";
import { canReadUsers } from "./permissions";

interface DirectoryUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
}

export const userPath = (address: string) => `/users/${encodeURIComponent(address)}`;

/**
 * Confirms the mailbox's user exists before anything is sent. Optional: sending does not need User.Read.All,
 * so without it the step is skipped, not failed.
 */
export async function checkMailbox(graph: Client, mailbox: string, roles: readonly string[]): Promise<Done<true>> {
  if (!canReadUsers(roles)) {
    return {
      status: "skipped",
      value: true,
      summary: "Skipped: the app may not look up users (User.Read.All not granted); sending does not need it.",
      diagnosis: diagnose("USER_READ_ALL_NOT_GRANTED", { step: "mailbox" }),
    };
  }
  const response = await ensureOk(
    await graph.api(userPath(mailbox)).select(["id", "displayName", "mail", "userPrincipalName"]).responseType(ResponseType.RAW).get(),
  );
  const user = (await response.json()) as DirectoryUser;
  const details = { id: user.id, displayName: user.displayName, mail: user.mail, userPrincipalName: user.userPrincipalName };
  const name = user.displayName ?? user.userPrincipalName;
  // Exchange Online sets `mail` when it provisions a mailbox; a user without one is the usual unlicensed account.
  if (!user.mail) {
    return {
      status: "warning",
      value: true,
      summary: `Found ${name}, but Microsoft 365 lists no email address for it: it may have no Exchange Online mailbox.`,
      details,
      diagnosis: { ...diagnose("MailboxNotEnabledForRESTAPI", { step: "mailbox" }), severity: "warning" },
    };
  }
  return { status: "passed", value: true, summary: `Found ${name} (${user.mail}) in the directory.`, details };
}

/**
 * A delegated token acts as whoever signed in, so the mailbox step asks Graph who that is: sending as
 * anyone else would put the test mail, and every later send, in the wrong mailbox.
 */
export async function checkSignedInMailbox(graph: Client, mailbox: string): Promise<Done<true>> {
  const me = await readMe(graph);
  const details = { id: me.id, displayName: me.displayName, mail: me.mail, userPrincipalName: me.userPrincipalName };
  if (!isMailbox(me, mailbox)) return failed(diagnose("WRONG_ACCOUNT_SIGNED_IN", { step: "mailbox" }), details);
  return { status: "passed", value: true, summary: `Signed in as ${me.displayName ?? signInName(me)} (${signInName(me)}).`, details };
}
