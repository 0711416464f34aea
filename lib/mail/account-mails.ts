import type { AccountMailer } from "@/lib/auth/account-mailer";
import { appUrl } from "@/lib/env";
import { formatDateTime } from "@/lib/format/datetime";
import { escapeHtml } from "@/lib/format/html";
import type { OutgoingMail } from "./message";
import { sendMail } from "./send";

/**
 * The mails about a person's own account. Each holds at most one link that opens anything, says how long
 * it works, and names no secret; dates read as the product's default (US) locale, since a person has none yet.
 */

/** A paragraph, or a line that leads somewhere: "label url" with the URL as a link. */
type Paragraph = string | { label: string; url: string };

function html(paragraphs: string[], action?: { label: string; url: string }, extra: Paragraph[] = []): string {
  const p = (item: Paragraph) =>
    typeof item === "string"
      ? `<p style="margin:0 0 16px">${escapeHtml(item)}</p>`
      : `<p style="margin:0 0 16px">${escapeHtml(item.label)} <a href="${escapeHtml(item.url)}">${escapeHtml(item.url)}</a></p>`;
  const button = action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;color:#475569;font-size:13px">Or paste this link into your browser: ${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;font-size:15px;line-height:1.5">${paragraphs.map(p).join("")}${button}${extra.map(p).join("")}<p style="margin:0;color:#64748b;font-size:13px">forge365</p></body></html>`;
}

export function verifyEmailMail(to: string, link: string): OutgoingMail {
  const intro = "Confirm your email address to finish setting up your forge365 account.";
  const after = "The link works once, for 24 hours. If you did not create this account, ignore this mail: nothing happens without the link.";
  return {
    purpose: "verify_email",
    to,
    subject: "Verify your email address for forge365",
    text: `${intro}\n\n${link}\n\n${after}\n\nforge365\n`,
    html: html([intro], { label: "Verify email address", url: link }, [after]),
  };
}

/** For a sign-up with an address that already has an account: nothing about the account changed. */
export function alreadyRegisteredMail(to: string, at: Date): OutgoingMail {
  const when = formatDateTime(at);
  const intro = `Someone tried to create a forge365 account with this address on ${when}. You already have one, so nothing was changed.`;
  const signIn = `${appUrl()}/sign-in`;
  const reset = `${appUrl()}/forgot-password`;
  const after = "If this was not you, you can ignore this mail: your account and password are as they were.";
  return {
    purpose: "already_registered",
    to,
    subject: "You already have a forge365 account",
    text: `${intro}\n\nSign in: ${signIn}\nForgot your password? Reset it: ${reset}\n\n${after}\n\nforge365\n`,
    html: html([intro], { label: "Sign in", url: signIn }, [{ label: "Forgot your password? Reset it:", url: reset }, after]),
  };
}

export function resetPasswordMail(to: string, link: string): OutgoingMail {
  const intro = "Someone asked to reset the password of your forge365 account. Choose a new password with this link:";
  const after = "The link works once, for 30 minutes. Setting a new password signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.";
  return {
    purpose: "reset_password",
    to,
    subject: "Reset your forge365 password",
    text: `${intro}\n\n${link}\n\n${after}\n\nforge365\n`,
    html: html([intro], { label: "Choose a new password", url: link }, [after]),
  };
}

/** What sign-up and password reset send (lib/auth/account-mailer.ts), through the configured transport. */
export const accountMailer: AccountMailer = {
  verifyEmail: (to, link) => sendMail(verifyEmailMail(to, link)),
  alreadyRegistered: (to, at) => sendMail(alreadyRegisteredMail(to, at)),
  resetPassword: (to, link) => sendMail(resetPasswordMail(to, link)),
};
