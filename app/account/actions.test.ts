import { describe, expect, it } from "vitest";
import { executeUserAction } from "@/lib/actions/user-action";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/login-attempts";
import { createUser, form, TEST_PASSWORD } from "@/tests/helpers/factories";
import { changePasswordAction } from "./actions";

const change = (currentPassword: string) =>
  form({ currentPassword, newPassword: "a brand new password", confirmPassword: "a brand new password" });

describe("change password", () => {
  it("after repeated wrong current passwords, says the change is paused and for how long, even for the right one", async () => {
    const user = await createUser();
    const ipAddress = `192.0.2.${Math.random()}`;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const wrong = await executeUserAction(changePasswordAction.definition, user, change(`wrong ${i}`), { ipAddress });
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Your current password is incorrect."] } });
    }
    const paused = await executeUserAction(changePasswordAction.definition, user, change(TEST_PASSWORD), { ipAddress });
    expect(paused).toMatchObject({
      ok: false,
      error: "Too many wrong passwords. For your security, password changes are paused for 15 minutes; try again then.",
    });
  });
});
