"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/user-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { confirmEnrolment, regenerateRecoveryCodes, turnOffTwoFactor, type TwoFactorChange } from "@/lib/auth/two-factor/enrolment";
import { confirmEnrolmentSchema, passwordAndCodeSchema } from "@/lib/auth/two-factor/schemas";

const claimant = (user: CurrentUser, request: { ipAddress: string }) => ({ id: user.id, email: user.email, ipAddress: request.ipAddress });

function refusal<T>(result: Exclude<TwoFactorChange<unknown>, { ok: true }>): ActionResult<T> {
  switch (result.reason) {
    case "wrong_password":
      return { ok: false, error: "Your password is incorrect.", fieldErrors: { password: ["Your password is incorrect."] } };
    case "invalid_code": {
      const message = "That code is not right, or it was already used. Enter the code your app shows now.";
      return { ok: false, error: message, fieldErrors: { code: [message] } };
    }
    case "state_changed":
      return { ok: false, error: "Two-factor sign-in was changed in another window. Reload this page." };
    case "required_by": {
      const names = result.workspaces.join(", ");
      const verb = result.workspaces.length === 1 ? "requires" : "require";
      return { ok: false, error: `${names} ${verb} two-factor sign-in of every member, so it stays on. An owner can lift the requirement in Settings.` };
    }
    case "rate_limited":
      return {
        ok: false,
        error: `Too many wrong codes or passwords. For your security, this is paused for ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? "" : "s"}; try again then.`,
      };
  }
}

// No revalidation on success: the page would re-render and drop the recovery codes, which are shown this once.
export const confirmEnrolmentAction = userAction({
  name: "account.twoFactor.confirm",
  schema: confirmEnrolmentSchema,
  async run(user, input, request): Promise<ActionResult<{ recoveryCodes: string[] }>> {
    const result = await confirmEnrolment(claimant(user, request), input);
    if (!result.ok) return refusal(result);
    return { ok: true, data: result.data, message: "Two-factor sign-in is on." };
  },
});

export const regenerateRecoveryCodesAction = userAction({
  name: "account.twoFactor.regenerateRecoveryCodes",
  schema: passwordAndCodeSchema,
  async run(user, input, request): Promise<ActionResult<{ recoveryCodes: string[] }>> {
    const result = await regenerateRecoveryCodes(claimant(user, request), input);
    if (!result.ok) return refusal(result);
    return { ok: true, data: result.data, message: "New recovery codes made; the old ones no longer work." };
  },
});

export const turnOffTwoFactorAction = userAction({
  name: "account.twoFactor.turnOff",
  schema: passwordAndCodeSchema,
  async run(user, input, request): Promise<ActionResult> {
    const result = await turnOffTwoFactor(claimant(user, request), input);
    if (!result.ok) return refusal(result);
    revalidatePath("/account/two-factor");
    return { ok: true, data: undefined, message: "Two-factor sign-in is off." };
  },
});
