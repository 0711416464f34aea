import { z } from "zod";
import { recordId } from "@/lib/validation/ids";

/** Connect, Reconnect and Disconnect name only the mailbox; everything else comes from its row. */
export const mailboxConnectionSchema = z.object({ mailboxId: recordId });

/** A catalog code as it travels in a redirect's query; anything else is not shown. */
export const connectErrorCode = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
