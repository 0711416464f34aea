/** The dashboard's public URL (APP_URL), for links that leave the browser: invitations, redirect URIs, mails, calendar files. */
export function appUrl() {
  return (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
