"use server";

import { userAction } from "@/lib/actions/user-action";
import { changePassword } from "@/lib/auth/users";
import { changePasswordSchema } from "@/lib/auth/schemas";

export const changePasswordAction = userAction({
  name: "account.changePassword",
  schema: changePasswordSchema,
  async run(user, input) {
    const result = await changePassword(user.id, input, user.sessionToken);
    if (!result.ok) {
      const message = "Your current password is incorrect.";
      return { ok: false, error: message, fieldErrors: { currentPassword: [message] } };
    }
    return { ok: true, data: undefined, message: "Password changed. You were signed out everywhere else." };
  },
});
