import { z } from "zod";

/** A record's id as forms carry it in hidden fields; anything else is a stale or forged form. */
export const recordId = z
  .string({ error: "Missing identifier." })
  .regex(/^[a-z0-9]{10,40}$/i, "This link or button is out of date; reload the page.");
