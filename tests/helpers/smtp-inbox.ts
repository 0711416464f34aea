import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  from: string;
  to: string[];
  /** The message as it arrived, with quoted-printable undone so its text and links read whole. */
  source: string;
  /** The user name the client authenticated with, if it did. */
  username?: string;
}

export interface SmtpInbox {
  /** smtp:// URL with credentials, for SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** Waits for a mail to `to` holding a link under `path` (e.g. "/verify-email/"), and returns the link. */
  linkSentTo(to: string, path: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** Soft line breaks and =XX escapes (RFC 2045 §6.7): enough to read an ASCII message's text and links. */
function undoQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A real SMTP server on a free local port (smtp-server), accepting any sender and recipient, keeping every message. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Local and plain: no certificate to trust, so credentials travel without TLS, as only a test may.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          source: undoQuotedPrintable(Buffer.concat(chunks).toString("utf8")),
          username: typeof session.user === "string" ? session.user : undefined,
        });
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://forge365:test-password@127.0.0.1:${port}`,
    messages,
    async linkSentTo(to, path, timeoutMs = 10_000) {
      const pattern = new RegExp(`https?://[^\\s"'<>]*${path.replace(/[/]/g, "\\/")}[A-Za-z0-9_-]+(\\?[^\\s"'<>]*)?`);
      for (const giveUp = Date.now() + timeoutMs; Date.now() < giveUp; await new Promise((r) => setTimeout(r, 50))) {
        const mail = [...messages].reverse().find((m) => m.to.includes(to) && pattern.test(m.source));
        if (mail) return pattern.exec(mail.source)![0].replace(/&amp;/g, "&");
      }
      throw new Error(`no mail to ${to} with a ${path} link`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
