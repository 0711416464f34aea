/** A mistake in how the command was called: exit code 2, message on stderr, nothing run. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

export const USAGE = `Usage: forge365 <command> [options]

Commands:
  test-connection   Prove that a Microsoft 365 mailbox can send through an Entra ID app registration

forge365 test-connection --tenant <id> --client-id <id> --client-secret-env <VAR> --mailbox <address>
                         --to <address> [--cloud global|usgov|usgovdod|china|sandbox] [--dry-run]
                         [--json] [--workspace <name>]

  --tenant <id>              Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com
  --client-id <id>           Application (client) ID of the app registration
  --client-secret-env <VAR>  Name of the environment variable that holds the client secret's Value
                             (the secret itself is never accepted on the command line)
  --mailbox <address>        The mailbox to send from
  --to <address>             Who receives the test message (not needed with --dry-run)
  --cloud <cloud>            Microsoft cloud (default: global); "sandbox" needs M365_SANDBOX_URL
  --dry-run                  Check everything up to sending, without sending
  --json                     Print the result as one JSON document and nothing else
  --workspace <name>         Workspace name to show in the test message's subject
  -h, --help                 Show this help

Exit codes: 0 passed, 1 failed, 2 usage error.
`;
