import { VaultError } from "@/lib/crypto";
import { logError, logger } from "@/lib/log";
import { diagnose, type TestStep } from "@/lib/microsoft/catalog";

/**
 * The catalog code a failed Connect is shown with. Microsoft's identifiers go to the log, where support
 * can match them to Entra's sign-in logs; anything the catalog cannot explain is logged in full.
 */
export function failureCode(error: unknown, context: { mailboxId: string; step: TestStep }): string {
  if (error instanceof VaultError) return "SECRET_UNREADABLE";
  const diagnosis = diagnose(error, { step: context.step });
  if (diagnosis.known) logger.info({ mailboxId: context.mailboxId, code: diagnosis.code, ids: diagnosis.ids }, "delegated sign-in failed");
  else logError(error, { mailboxId: context.mailboxId, step: context.step });
  return diagnosis.code;
}
