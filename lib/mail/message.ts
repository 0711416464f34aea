/** One mail forge365 sends on its own behalf: a plain-text body, and the same in simple HTML. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What the mail is for, named in the log when it cannot be sent (the log never holds its body or link). */
  purpose: string;
}

