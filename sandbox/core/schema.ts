import { z } from "zod";

/**
 * The fixture is the sandbox's directory: every scenario a real tenant can produce is expressed as data
 * here, so a test or a demo reproduces it without code. The control API validates with the same schemas.
 */

const id = z.guid();

/** The application roles of RBAC for Applications that Graph mail honours, with the permissions each carries:
 * "Supported Application Roles" in https://learn.microsoft.com/exchange/permissions-exo/application-rbac */
export const EXCHANGE_ROLE_PERMISSIONS = {
  "Application Mail.Read": ["Mail.Read"],
  "Application Mail.ReadBasic": ["Mail.ReadBasic"],
  "Application Mail.ReadWrite": ["Mail.ReadWrite"],
  "Application Mail.Send": ["Mail.Send"],
  "Application Mail Full Access": ["Mail.ReadWrite", "Mail.Send"],
  "Application Exchange Full Access": ["Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "Calendars.ReadWrite", "Contacts.ReadWrite"],
} as const satisfies Record<string, readonly string[]>;
const EXCHANGE_APPLICATION_ROLES = Object.keys(EXCHANGE_ROLE_PERMISSIONS) as [keyof typeof EXCHANGE_ROLE_PERMISSIONS, ...(keyof typeof EXCHANGE_ROLE_PERMISSIONS)[]];
const isoDate = z.iso.datetime({ offset: true });
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${length}}$`));

export const secretSchema = z.object({
  keyId: id,
  displayName: z.string().default(""),
  value: z.string().min(16),
  startDateTime: isoDate.optional(),
  endDateTime: isoDate,
});

export const certificateSchema = z
  .object({
    keyId: id,
    displayName: z.string().default(""),
    thumbprintSha1: hex(40).optional(),
    thumbprintSha256: hex(64).optional(),
    publicKeyPem: z.string().includes("BEGIN PUBLIC KEY"),
    startDateTime: isoDate.optional(),
    endDateTime: isoDate,
  })
  .refine((c) => c.thumbprintSha1 || c.thumbprintSha256, "a certificate needs a SHA-1 or SHA-256 thumbprint");

export const permissionSchema = z.object({ name: z.string().min(1), adminConsented: z.boolean().default(false) });

export const userConsentSchema = z.object({ user: z.string().min(1), scopes: z.array(z.string()).default([]) });

export const applicationSchema = z.object({
  appId: id,
  servicePrincipalId: id.optional(),
  displayName: z.string().min(1),
  enabled: z.boolean().default(true),
  conditionalAccessBlocked: z.boolean().default(false),
  secrets: z.array(secretSchema).default([]),
  certificates: z.array(certificateSchema).default([]),
  redirectUris: z.array(z.url()).default([]),
  applicationPermissions: z.array(permissionSchema).default([]),
  delegatedPermissions: z.array(permissionSchema).default([]),
  userConsents: z.array(userConsentSchema).default([]),
  /** "Supported account types": AzureADMultipleOrgs apps take sign-ins through /common and /organizations, others get AADSTS50194
   * there (https://learn.microsoft.com/entra/identity-platform/supported-accounts-validation). */
  signInAudience: z.enum(["AzureADMyOrg", "AzureADMultipleOrgs"]).default("AzureADMyOrg"),
  /** The manifest's optionalClaims.idToken, e.g. xms_edov (https://learn.microsoft.com/entra/identity-platform/optional-claims-reference). */
  optionalClaims: z.object({ idToken: z.array(z.object({ name: z.string().min(1) })).default([]) }).prefault({}),
});

export const userSchema = z.object({
  id: id.optional(),
  // A guest's UPN carries "#EXT#" (alias_fabrikam.com#EXT#@contoso.onmicrosoft.com), which z.email() refuses.
  userPrincipalName: z.email({ pattern: z.regexes.html5Email }),
  displayName: z.string().min(1),
  givenName: z.string().nullable().default(null),
  surname: z.string().nullable().default(null),
  jobTitle: z.string().nullable().default(null),
  password: z.string().min(1),
  accountEnabled: z.boolean().default(true),
  exchangeLicensed: z.boolean().default(true),
  /** B2B guests have no mailbox in the inviting tenant, whatever their licence. */
  userType: z.enum(["Member", "Guest"]).default("Member"),
  /** Send As is granted on the mailbox sent as and names who may use it (UPNs of the trustees):
   * https://learn.microsoft.com/graph/outlook-send-mail-from-other-user */
  sendAs: z.array(z.email()).default([]),
  /** On Defender's Restricted users list: its mail is accepted, then bounced with 5.1.8.
   * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-1-8-in-exchange-online */
  restrictedSender: z.boolean().default(false),
});

export const domainSchema = z.object({
  name: z.string().min(3),
  isDefault: z.boolean().default(false),
  isInitial: z.boolean().default(false),
  isVerified: z.boolean().default(true),
});

/** Exchange's New-ApplicationAccessPolicy: RestrictAccess allows only the listed mailboxes, DenyAccess blocks them.
 * https://learn.microsoft.com/graph/auth-limit-mailbox-access */
export const accessPolicySchema = z.object({
  appId: id,
  accessRight: z.enum(["RestrictAccess", "DenyAccess"]),
  mailboxes: z.array(z.email()).min(1),
  description: z.string().default(""),
});

/**
 * RBAC for Applications, the successor of application access policies: an Exchange management role assigned to the
 * app's service principal, scoped to some mailboxes (omitted: the whole organization). Such grants put nothing in
 * the token. https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 */
export const roleAssignmentSchema = z.object({
  name: z.string().min(1).max(64),
  appId: id,
  role: z.enum(EXCHANGE_APPLICATION_ROLES),
  mailboxes: z.array(z.email()).min(1).optional(),
});

/** Tenant-wide outbound blocks Exchange Online answers with an NDR (5.7.705 / 5.7.708):
 * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750 */
export const outboundBlockSchema = z.enum(["tenantExceededThreshold", "lowReputationIp"]);

export const tenantSchema = z.object({
  id,
  displayName: z.string().min(1),
  enabled: z.boolean().default(true),
  createdDateTime: isoDate.default("2021-08-02T10:30:06Z"),
  countryLetterCode: z.string().length(2).default("US"),
  domains: z.array(domainSchema).min(1),
  applications: z.array(applicationSchema).default([]),
  users: z.array(userSchema).default([]),
  applicationAccessPolicies: z.array(accessPolicySchema).default([]),
  roleAssignments: z.array(roleAssignmentSchema).default([]),
  outboundBlock: outboundBlockSchema.nullable().default(null),
});

/**
 * Graph's Outlook limits are per app per mailbox (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits);
 * Exchange's sending limits are per mailbox, its maximum message size per tenant (35 MB = 35840 KB by default)
 * (https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits).
 */
export const limitsSchema = z.object({
  mailboxConcurrency: z.number().int().positive().default(4),
  messagesPerMinute: z.number().int().positive().default(30),
  recipientsPerDay: z.number().int().positive().default(10_000),
  maxMessageSizeBytes: z.number().int().positive().default(35_840 * 1024),
  /** How long after the send a non-delivery report reaches the sender (the sandbox's choice, not Microsoft's). */
  ndrDelaySeconds: z.number().int().min(0).default(5),
});

export const fixtureSchema = z.object({
  tenants: z.array(tenantSchema).default([]),
  limits: limitsSchema.prefault({}),
});

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;
export type Tenant = z.infer<typeof tenantSchema>;
export type Application = z.infer<typeof applicationSchema> & { servicePrincipalId: string };
export type User = z.infer<typeof userSchema> & { id: string };
export type Secret = z.infer<typeof secretSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type AccessPolicy = z.infer<typeof accessPolicySchema>;
export type Limits = z.infer<typeof limitsSchema>;
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
export type OutboundBlock = z.infer<typeof outboundBlockSchema>;
