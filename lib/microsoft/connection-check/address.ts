import { z } from "zod";

/** A mailbox or recipient address, normalised as Exchange compares them. */
export const emailAddressSchema = (what: string) =>
  z
    .string({ error: `Enter the ${what}'s address.` })
    .trim()
    .toLowerCase()
    .pipe(z.email(`The ${what} must be an email address, like sales@contoso.com.`));
