"use server";

import { userAction } from "@/lib/actions/user-action";
import { changePassword } from "@/lib/auth/users";
import { changePasswordSchema } from "@/lib/auth/schemas";

export const changePasswordAction = userAction({
  name: "account.changePassword",
  schema: changePasswordSchema,
  async run(user, input, request) {
    const result = await changePassword(user.id, input, { ipAddress: request.ipAddress, sessionToken: user.sessionToken });
    if (!result.ok) {
      const message =
        result.reason === "rate_limited"
          ? `Too many wrong passwords. For your security, password changes are paused for ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? "" : "s"}; try again then.`
          : "Your current password is incorrect.";
      return { ok: false, error: message, fieldErrors: { currentPassword: [message] } };
    }
    return { ok: true, data: undefined, message: "Password changed. You were signed out everywhere else." };
  },
});
