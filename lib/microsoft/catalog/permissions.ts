/**
 * Application permissions that go well beyond sending mail. Holding one is not an error, but it turns
 * a leaked client secret from "can send as us" into "can read or rewrite the tenant".
 * Mail.Read is left out on purpose: reading replies is a legitimate need of sending tools.
 */
export const EXCESSIVE_PERMISSIONS: readonly string[] = [
  "Mail.ReadWrite",
  // Not a Graph permission name, but the setup guide many users followed mentions it; matching costs nothing.
  "Mail.ReadWrite.All",
  "MailboxSettings.ReadWrite",
  "full_access_as_app",
  "Directory.ReadWrite.All",
  "User.ReadWrite.All",
  "Group.ReadWrite.All",
  "Application.ReadWrite.All",
  "AppRoleAssignment.ReadWrite.All",
  "RoleManagement.ReadWrite.Directory",
  "Files.ReadWrite.All",
  "Sites.FullControl.All",
];

const EXCESSIVE = new Set(EXCESSIVE_PERMISSIONS.map((name) => name.toLowerCase()));

/** The token's roles that are in EXCESSIVE_PERMISSIONS, as the token spells them, each once. */
export function findExcessivePermissions(roles: readonly string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const role of roles) {
    const key = role.toLowerCase();
    if (EXCESSIVE.has(key) && !seen.has(key)) {
      seen.add(key);
      found.push(role);
    }
  }
  return found;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Entra portal shows a secret's "Secret ID" (a GUID) right beside its "Value"; pasting the ID is the
 * most common cause of AADSTS7000215, and it can be caught before Microsoft is even asked.
 */
export function looksLikeSecretId(secret: string): boolean {
  return GUID.test(secret.trim());
}
