import { afterAll, beforeAll } from "vitest";
import { startSmtpInbox, type SmtpInbox } from "./smtp-inbox";

/** forge365's own mail goes to a real local SMTP server for the tests of this file; read it through `inbox()`. */
export function useSmtpInbox(): { inbox(): SmtpInbox } {
  let inbox: SmtpInbox | undefined;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    process.env.SMTP_URL = inbox.url;
    process.env.MAIL_FROM = "no-reply@forge365.test";
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    await inbox?.close();
  });
  return {
    inbox() {
      if (!inbox) throw new Error("the SMTP inbox starts in beforeAll");
      return inbox;
    },
  };
}
