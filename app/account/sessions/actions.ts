"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { revokeOtherSessions, revokeSession, revokeSessionSchema } from "@/lib/auth/session-list";

export const revokeSessionAction = userAction({
  name: "account.revokeSession",
  schema: revokeSessionSchema,
  async run(user, input) {
    await revokeSession(user.id, input.sessionId, user.sessionToken);
    revalidatePath("/account/sessions");
    return { ok: true, data: undefined, message: "That session was signed out." };
  },
});

export const revokeOtherSessionsAction = userAction({
  name: "account.revokeOtherSessions",
  schema: z.object({}),
  async run(user) {
    await revokeOtherSessions(user.id, user.sessionToken);
    revalidatePath("/account/sessions");
    return { ok: true, data: undefined, message: "Every other session was signed out." };
  },
});
