import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { ensureOk } from "./connection-check/graph-response";

export interface SignedInUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
}

/** GET /me: who the delegated token belongs to. */
export async function readMe(graph: Client): Promise<SignedInUser> {
  const response = await ensureOk(
    await graph.api("/me").select(["id", "displayName", "mail", "userPrincipalName"]).responseType(ResponseType.RAW).get(),
  );
  return (await response.json()) as SignedInUser;
}

/** A mailbox is reached by its primary SMTP address or, where that is unset, by the sign-in name. */
export function isMailbox(user: SignedInUser, address: string): boolean {
  const wanted = address.toLowerCase();
  return [user.mail, user.userPrincipalName].some((name) => name?.toLowerCase() === wanted);
}

export const signInName = (user: SignedInUser): string => user.mail ?? user.userPrincipalName;
