import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/request-meta";
import { completeConnect, type ConnectOutcome } from "@/lib/delegated/callback";
import { CALLBACK_PATH } from "@/lib/delegated/redirect-uri";
import { connectResultPath } from "@/lib/delegated/result-path";
import { guardRefusal } from "@/lib/workspaces/route-guard";

/**
 * Where Microsoft sends the browser back after "Connect with Microsoft". The state names the workspace,
 * so the guard runs once it is claimed: a non-member gets the same 404 as everywhere else.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${CALLBACK_PATH}${request.nextUrl.search}`)}`);
  let outcome: ConnectOutcome;
  try {
    outcome = await completeConnect(request.nextUrl.searchParams, user, { ipAddress: clientIp(request.headers) });
  } catch (error) {
    const refusal = guardRefusal(error);
    if (refusal) return refusal;
    throw error;
  }
  redirect(connectResultPath(outcome));
}
