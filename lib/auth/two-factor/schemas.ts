import { z } from "zod";

/** A code from the app (six digits) or a recovery code; its shape decides which (see isTotpCode). */
export const secondFactorCodeSchema = z
  .string({ error: "Enter the code." })
  .trim()
  .min(1, "Enter the code.")
  .max(40, "That is not a code from your app or one of your recovery codes.");

const passwordSchema = z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(128, "Use at most 128 characters.");

/** Confirming, turning off and new recovery codes all ask for the password and a code. */
export const passwordAndCodeSchema = z.object({ password: passwordSchema, code: secondFactorCodeSchema });

export const confirmEnrolmentSchema = z.object({
  password: passwordSchema,
  code: z
    .string({ error: "Enter the 6-digit code your app shows." })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your app shows.")),
});

export const signInCodeSchema = z.object({ code: secondFactorCodeSchema });
