import { createHash } from "node:crypto";
import type { Application, User } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import { html, page, raw } from "../ui/html";

interface FlowPage {
  flow: string;
  app: Application;
  tenant: DirectoryTenant;
}

/** Sign-in: the sandbox's users are listed so a tester can pick one; the password still has to be right. */
export function signInPage({ flow, app, tenant }: FlowPage, loginHint: string | undefined, error?: string, users: User[] = tenant.users): string {
  const options = users.map(
    (u) => html`<option value="${u.userPrincipalName}" ${raw(u.userPrincipalName.toLowerCase() === loginHint?.toLowerCase() ? "selected" : "")}>${u.displayName} — ${u.userPrincipalName}</option>`,
  );
  return page(
    "Sign in to your account",
    html`<div class="card narrow">
      <h2>Sign in</h2>
      <p class="muted">to continue to <strong>${app.displayName}</strong> (${tenant.displayName})</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
      <form method="post" action="authorize">
        <input type="hidden" name="flow" value="${flow}"><input type="hidden" name="step" value="signin">
        <label for="username">Account</label>
        <select id="username" name="username">${options}</select>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
      </form>
    </div>`,
  );
}

/** The consent prompt lists exactly the permissions the user has not granted yet. */
export function consentPage({ flow, app, tenant }: FlowPage, user: User, scopes: string[]): string {
  return page(
    "Permissions requested",
    html`<div class="card narrow">
      <h2>Permissions requested</h2>
      <p><strong>${app.displayName}</strong> <span class="muted">unverified</span></p>
      <p class="muted">${user.userPrincipalName} · ${tenant.displayName}</p>
      <p>This app would like to:</p>
      <ul>${scopes.map((s) => html`<li><code>${s}</code></li>`)}</ul>
      <form method="post" action="authorize">
        <input type="hidden" name="flow" value="${flow}"><input type="hidden" name="step" value="consent">
        <button type="submit" name="decision" value="accept">Accept</button>
        <button type="submit" name="decision" value="cancel" class="secondary">Cancel</button>
      </form>
    </div>`,
  );
}

export interface ErrorDetails {
  code: number;
  message: string;
  requestId: string;
  correlationId: string;
  timestamp: string;
}

/** Entra's "Sorry, but we're having trouble signing you in" page: errors that must not go back to a redirect URI. */
export function errorPage(d: ErrorDetails): string {
  return page(
    "Sign in",
    html`<div class="card narrow">
      <h2>Sign in</h2>
      <p>Sorry, but we’re having trouble signing you in.</p>
      <p class="error">AADSTS${d.code}: ${d.message}</p>
      <p class="muted">Request Id: ${d.requestId}<br>Correlation Id: ${d.correlationId}<br>Timestamp: ${d.timestamp}</p>
    </div>`,
  );
}

/** response_mode=form_post: an auto-submitting form, allowed to run by the hash of its one inline script. */
export function formPostPage(action: string, fields: Record<string, string>): { body: string; csp: string } {
  const script = "document.forms[0].submit();";
  const hash = createHash("sha256").update(script).digest("base64");
  const inputs = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  const body = page(
    "Working…",
    html`<form method="post" action="${action}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script>${raw(script)}</script>`,
  );
  return { body, csp: `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; form-action http: https:` };
}
