import { CopyButton } from "@/components/ui/copy-button";

/**
 * The one redirect URI Microsoft will send mailbox owners back to, and where it goes in Entra. Microsoft
 * stops a sign-in with any other address on its own page (AADSTS50011), out of forge365's sight, so the
 * exact value is shown before anyone tries.
 */
export function RedirectUriSetup({ uri }: { uri: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <div className="flex flex-wrap items-center gap-3">
        <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-900" data-testid="redirect-uri">
          {uri}
        </code>
        <CopyButton text={uri} label="Copy redirect URI" />
      </div>
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          In the <strong>Microsoft Entra admin center</strong>, open <strong>App registrations</strong>, select this app, then{" "}
          <strong>Authentication</strong>.
        </li>
        <li>
          Select <strong>Add a platform</strong> → <strong>Web</strong> (if a Web platform exists already, use its{" "}
          <strong>Add URI</strong>).
        </li>
        <li>
          Paste the redirect URI exactly as shown and select <strong>Configure</strong> (or <strong>Save</strong>).
        </li>
        <li>
          Under <strong>API permissions</strong>, the app needs the Microsoft Graph <strong>delegated</strong> permissions{" "}
          <code>Mail.Send</code>, <code>User.Read</code> and <code>offline_access</code>.
        </li>
      </ol>
    </div>
  );
}
