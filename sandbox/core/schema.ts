import { z } from "zod";

/**
 * The fixture is the sandbox's directory: every scenario a real tenant can produce is expressed as data
 * here, so a test or a demo reproduces it without code. The control API validates with the same schemas.
 */

const id = z.guid();
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
});

export const userSchema = z.object({
  id: id.optional(),
  userPrincipalName: z.email(),
  displayName: z.string().min(1),
  givenName: z.string().nullable().default(null),
  surname: z.string().nullable().default(null),
  jobTitle: z.string().nullable().default(null),
  password: z.string().min(1),
  accountEnabled: z.boolean().default(true),
  exchangeLicensed: z.boolean().default(true),
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
});

/** Graph's Outlook limits are per app per mailbox; Exchange's sending limit is per mailbox.
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits */
export const limitsSchema = z.object({
  mailboxConcurrency: z.number().int().positive().default(4),
  messagesPerMinute: z.number().int().positive().default(30),
});

export const fixtureSchema = z.object({
  tenants: z.array(tenantSchema).default([]),
  limits: limitsSchema.default({ mailboxConcurrency: 4, messagesPerMinute: 30 }),
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
