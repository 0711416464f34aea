import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { microsoftCallbackErrorRedirect } from "@/lib/auth/microsoft/callback-error";

/** Microsoft's refusals of "Sign in with Microsoft" are explained on the sign-in page; Auth.js would drop their code. */
export function GET(request: NextRequest) {
  const refused = microsoftCallbackErrorRedirect(request.nextUrl);
  if (refused) redirect(refused);
  return handlers.GET(request);
}

export const { POST } = handlers;
