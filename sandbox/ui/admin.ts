import type { SandboxContext } from "../core/context";
import { matchPath, sendHtml, type Exchange } from "../core/http";
import { secretHint } from "../core/ids";
import type { Application, User } from "../core/schema";
import type { DirectoryTenant, MailMessage, Recipient, SentRecord } from "../core/state";
import { html, page, type Markup } from "./html";

const yesNo = (value: boolean, yes = "yes", no = "no"): Markup =>
  value ? html`<span class="ok">${yes}</span>` : html`<span class="bad">${no}</span>`;

function applicationRow(app: Application, now: number): Markup {
  const secrets = app.secrets.map((s) => {
    const expired = Date.parse(s.endDateTime) <= now;
    return html`<div><code>${secretHint(s.value)}•••</code> ${s.displayName} · expires ${s.endDateTime.slice(0, 10)} ${expired ? html`<span class="bad">expired</span>` : ""}</div>`;
  });
  const certificates = app.certificates.map(
    (c) => html`<div>🔑 <code>${(c.thumbprintSha256 ?? c.thumbprintSha1 ?? "").slice(0, 12)}…</code> · expires ${c.endDateTime.slice(0, 10)}</div>`,
  );
  const permissions = (list: Application["applicationPermissions"]) =>
    list.map((p) => html`<div>${p.name} ${yesNo(p.adminConsented, "✓ admin consent", "✗ not consented")}</div>`);
  return html`<tr>
    <td><strong>${app.displayName}</strong><br><code>${app.appId}</code></td>
    <td>${yesNo(app.enabled, "enabled", "disabled")}${app.conditionalAccessBlocked ? html`<br><span class="bad">blocked by Conditional Access</span>` : ""}</td>
    <td>${secrets.length || certificates.length ? [...secrets, ...certificates] : html`<span class="muted">none</span>`}</td>
    <td>${permissions(app.applicationPermissions)}</td>
    <td>${permissions(app.delegatedPermissions)}${app.userConsents.map((c) => html`<div class="muted">${c.user}: ${c.scopes.join(" ")}</div>`)}</td>
    <td>${app.redirectUris.map((u) => html`<div><code>${u}</code></div>`)}</td>
  </tr>`;
}

const OUTBOUND_BLOCKS: Record<NonNullable<DirectoryTenant["outboundBlock"]>, string> = {
  tenantExceededThreshold: "outbound mail blocked: tenant has exceeded threshold (5.7.705)",
  lowReputationIp: "outbound mail blocked: traffic not accepted from this IP (5.7.708)",
};

function userRow(ctx: SandboxContext, u: User): Markup {
  const inbox = ctx.state.mailbox(u.id, "inbox").length;
  return html`<tr><td>${u.displayName}${u.userType === "Guest" ? html` <span class="muted">(guest)</span>` : ""}<br><code>${u.userPrincipalName}</code></td>
    <td>${yesNo(u.accountEnabled, "enabled", "disabled")}</td>
    <td>${u.userType === "Guest" ? html`<span class="bad">guest: no mailbox here</span>` : yesNo(u.exchangeLicensed, "licensed", "unlicensed")}</td>
    <td>${u.sendAs.length ? u.sendAs.map((t) => html`<div><code>${t}</code></div>`) : html`<span class="muted">nobody</span>`}</td>
    <td>${u.restrictedSender ? html`<span class="bad">restricted (5.1.8)</span>` : html`<span class="ok">allowed</span>`}</td>
    <td><a href="/mailbox/${u.id}">inbox (${inbox})</a> · <a href="/mailbox/${u.id}?folder=sentitems">sent</a></td></tr>`;
}

function roleAssignmentRow(tenant: DirectoryTenant, a: DirectoryTenant["roleAssignments"][number]): Markup {
  const app = tenant.applications.find((x) => x.appId.toLowerCase() === a.appId.toLowerCase());
  return html`<tr><td>${a.name}</td><td>${app?.displayName ?? ""}<br><code>${a.appId}</code></td><td>${a.role}</td>
    <td>${a.mailboxes ? a.mailboxes.map((m) => html`<div><code>${m}</code></div>`) : "whole organization"}</td></tr>`;
}

function tenantCard(ctx: SandboxContext, tenant: DirectoryTenant): Markup {
  const now = ctx.state.clock.now();
  return html`<section class="card">
    <h2>${tenant.displayName} ${tenant.enabled ? "" : html`<span class="bad">(disabled)</span>`}</h2>
    <p class="muted">Tenant ID <code>${tenant.id}</code> · domains ${tenant.domains.map((d) => html`<code>${d.name}</code> `)}</p>
    ${tenant.outboundBlock ? html`<p class="bad">${OUTBOUND_BLOCKS[tenant.outboundBlock]}</p>` : ""}
    <h3>App registrations</h3>
    <table><tr><th>Application</th><th>Status</th><th>Credentials</th><th>Application permissions</th><th>Delegated permissions</th><th>Redirect URIs</th></tr>
      ${tenant.applications.map((a) => applicationRow(a, now))}</table>
    <h3>Users</h3>
    <table><tr><th>User</th><th>Account</th><th>Exchange licence</th><th>Send As granted to</th><th>Sending</th><th>Mailbox</th></tr>
      ${tenant.users.map((u) => userRow(ctx, u))}</table>
    ${tenant.roleAssignments.length
      ? html`<h3>Exchange role assignments (RBAC for Applications)</h3><table><tr><th>Name</th><th>App</th><th>Role</th><th>Scope</th></tr>
        ${tenant.roleAssignments.map((a) => roleAssignmentRow(tenant, a))}</table>`
      : ""}
    ${tenant.applicationAccessPolicies.length
      ? html`<h3>Application access policies</h3><table><tr><th>App</th><th>Access right</th><th>Mailboxes</th></tr>
        ${tenant.applicationAccessPolicies.map((p) => html`<tr><td><code>${p.appId}</code></td><td>${p.accessRight}</td><td>${p.mailboxes.join(", ")}</td></tr>`)}</table>`
      : ""}
  </section>`;
}

const addresses = (list: Recipient[]) => list.map((r) => `${r.emailAddress.name ?? ""} <${r.emailAddress.address}>`).join(", ");

/** Message bodies are untrusted HTML: they render inside an iframe with every sandbox restriction on. */
function messageCard(m: MailMessage): Markup {
  return html`<article class="card">
    <h3>${m.subject || "(no subject)"}</h3>
    <p class="muted">From ${addresses([m.from])}<br>To ${addresses(m.toRecipients)}${m.ccRecipients.length ? html`<br>Cc ${addresses(m.ccRecipients)}` : ""}<br>${m.receivedDateTime}</p>
    ${m.body.contentType === "html"
      ? html`<iframe sandbox srcdoc="${m.body.content}" title="Message body" referrerpolicy="no-referrer"></iframe>`
      : html`<pre>${m.body.content}</pre>`}
  </article>`;
}

/** http(s) links of a body, so a link in mail to the outside world can be followed from the top window. */
function linksIn(body: SentRecord["body"]): string[] {
  const found = body.content.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  return [...new Set(found.map((link) => link.replaceAll("&amp;", "&")))];
}

/**
 * Mail to addresses outside every sandbox tenant: Exchange Online would hand it to the internet, the
 * sandbox keeps it here, so the mail an app sends to its own users (a verification link) can be read.
 */
function outboundCard(record: SentRecord): Markup {
  const links = linksIn(record.body);
  return html`<article class="card">
    <h3>${record.subject || "(no subject)"}</h3>
    <p class="muted">From ${record.from}<br>To ${record.external.join(", ")}<br>${record.at}</p>
    ${links.length ? html`<p>Links: ${links.map((link) => html`<br><a href="${link}" rel="noreferrer">${link}</a>`)}</p>` : ""}
    ${record.body.contentType === "html"
      ? html`<iframe sandbox srcdoc="${record.body.content}" title="Message body" referrerpolicy="no-referrer"></iframe>`
      : html`<pre>${record.body.content}</pre>`}
  </article>`;
}

function outboundPage(ctx: SandboxContext): string {
  const records = ctx.state.sent.filter((record) => record.external.length > 0).reverse();
  return page(
    "Mail to outside addresses",
    html`<section class="card"><h2>Mail to outside addresses (${records.length})</h2>
      <p class="muted">Sent by a sandbox mailbox to an address no sandbox tenant holds, newest first. <a href="/">All tenants</a></p></section>
      ${records.length ? records.map(outboundCard) : html`<p class="muted">No messages.</p>`}`,
  );
}

/**
 * The sandbox's admin view: `/` lists tenants, apps and users; `/mailbox/{userId}` shows a mailbox folder;
 * `/outbound` shows mail sent to outside addresses.
 */
export function adminUi(ctx: SandboxContext, ex: Exchange): boolean {
  if (ex.req.method !== "GET") return false;
  if (ex.path.length === 0) {
    const outbound = ctx.state.sent.filter((record) => record.external.length > 0).length;
    sendHtml(
      ex.res,
      200,
      page(
        "Microsoft 365 sandbox",
        html`<p><a href="/outbound">Mail to outside addresses (${outbound})</a></p>${ctx.state.tenants.map((t) => tenantCard(ctx, t))}`,
      ),
    );
    return true;
  }
  if (matchPath(["outbound"], ex.path)) {
    sendHtml(ex.res, 200, outboundPage(ctx));
    return true;
  }
  const params = matchPath(["mailbox", ":userId"], ex.path);
  const found = params && ctx.state.findUserById(params.userId);
  if (!found) return false;
  const folder = ex.url.searchParams.get("folder") === "sentitems" ? "sentitems" : "inbox";
  const messages = ctx.state.mailbox(found.user.id, folder);
  sendHtml(
    ex.res,
    200,
    page(
      `${found.user.userPrincipalName} — ${folder}`,
      html`<section class="card"><h2>${found.user.displayName}</h2>
        <p class="muted"><code>${found.user.userPrincipalName}</code> · ${folder === "inbox" ? "Inbox" : "Sent Items"} (${messages.length})
        · <a href="?folder=${folder === "inbox" ? "sentitems" : "inbox"}">${folder === "inbox" ? "Sent Items" : "Inbox"}</a></p></section>
        ${messages.length ? messages.map(messageCard) : html`<p class="muted">No messages.</p>`}`,
    ),
  );
  return true;
}
