"use server";

import { userAction } from "@/lib/actions/user-action";
import { changePassword } from "@/lib/auth/users";
import { changePasswordSchema } from "@/lib/validation/auth";

export const changePasswordAction = userAction("account.changePassword", changePasswordSchema, async (user, input) => {
  const result = await changePassword(user.id, input, user.sessionToken);
  if (!result.ok) {
    return { ok: false, error: "Your current password is incorrect.", fieldErrors: { currentPassword: ["Your current password is incorrect."] } };
  }
  return { ok: true, data: undefined, message: "Password changed. You were signed out everywhere else." };
});
