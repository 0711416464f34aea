"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { runParsed } from "@/lib/actions/run";
import { getCurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/auth/request-meta";
import { acceptInvitation } from "@/lib/workspaces/invitations";

const acceptSchema = z.object({ token: z.string().min(20, "This invitation link is not valid.").max(100, "This invitation link is not valid.") });

export async function acceptInvitationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in to accept this invitation." };
  return runParsed(
    acceptSchema,
    formData,
    async ({ token }) => {
      const { slug } = await acceptInvitation(token, user, { ipAddress: clientIp(await headers()) });
      redirect(`/w/${slug}`);
    },
    "invitation.accept",
  );
}
