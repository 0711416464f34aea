/** Where each value lives in the Entra admin center, in the portal's own words. */
export function EntraHelp() {
  return (
    <aside className="space-y-4 rounded-lg bg-blue-50/60 p-5 text-sm text-slate-700 ring-1 ring-blue-100">
      <h2 className="text-base font-semibold text-slate-900">Where to find these values</h2>
      <p>
        In the <strong>Microsoft Entra admin center</strong>, open <strong>App registrations</strong> and select the
        client's app (or <strong>New registration</strong> to create one).
      </p>
      <dl className="space-y-3">
        <div>
          <dt className="font-semibold text-slate-900">Directory (tenant) ID and Application (client) ID</dt>
          <dd>On the app's <strong>Overview</strong> page. Both are GUIDs.</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Client secret</dt>
          <dd>
            <strong>Certificates &amp; secrets</strong> → <strong>Client secrets</strong> → <strong>New client secret</strong>.
            Copy the <strong>Value</strong> column right away: Entra shows it only once. The <strong>Secret ID</strong> next to
            it is not the secret.
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Secret expiry</dt>
          <dd>The <strong>Expires</strong> column of that secret. forge365 reminds you before it lapses.</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Permissions</dt>
          <dd>
            <strong>API permissions</strong> → <strong>Add a permission</strong> → <strong>Microsoft Graph</strong> →{" "}
            <strong>Application permissions</strong>: add <code>Mail.Send</code>. <code>User.Read.All</code> is optional and
            lets the test check that each mailbox exists. Then press <strong>Grant admin consent for</strong> your
            organization: without consent, tokens carry no permissions and sending fails.
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-900">Delegated instead</dt>
          <dd>
            Add the <strong>Delegated permissions</strong> <code>Mail.Send</code>, <code>User.Read</code> and{" "}
            <code>offline_access</code>. After saving, the account's page shows the redirect URI to add under{" "}
            <strong>Authentication</strong>, and each address's owner signs in once with <strong>Connect with Microsoft</strong>.
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-500">
        Application permission Mail.Send lets the app send as any mailbox in the tenant. To limit it to these mailboxes,
        ask the client's Exchange admin for an application access policy (RBAC for Applications).
      </p>
    </aside>
  );
}
