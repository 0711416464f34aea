import { SendingLimits } from "../graph/sending-limits";
import { MailboxGate } from "../graph/throttle";
import { Clock } from "./clock";
import { Faults } from "./faults";
import { stableGuid } from "./ids";
import {
  fixtureSchema,
  limitsSchema,
  type Application,
  type Fixture,
  type Limits,
  type Tenant,
  type User,
} from "./schema";

export type DirectoryTenant = Omit<Tenant, "applications" | "users"> & {
  applications: Application[];
  users: User[];
};

export interface EmailAddress {
  name?: string;
  address: string;
}
export interface Recipient {
  emailAddress: EmailAddress;
}
export interface ItemBody {
  contentType: "text" | "html";
  content: string;
}

export interface InternetMessageHeader {
  name: string;
  value: string;
}

export type MailFolder = "inbox" | "sentitems";

export interface MailMessage {
  id: string;
  ownerId: string;
  folder: MailFolder;
  /** Sandbox time (ms) from which the message is in the folder: Exchange delivers throttled mail and NDRs late. */
  visibleAt: number;
  createdDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  subject: string;
  body: ItemBody;
  from: Recipient;
  sender: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  internetMessageId: string;
  internetMessageHeaders: InternetMessageHeader[];
  conversationId: string;
}

export interface SentRecord {
  id: string;
  at: string;
  tenantId: string;
  appId: string;
  identity: "app" | "user";
  senderId: string;
  sender: string;
  /** The address the message is from: the sender's own, or one it may send as. */
  from: string;
  internetMessageId: string;
  subject: string;
  body: ItemBody;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  deliveredTo: string[];
  external: string[];
  savedToSentItems: boolean;
  /** When recipients get it: later than `at` when the sending rate carried it over. */
  deliveredAt: string;
  /** Enhanced status code of the non-delivery report sent back instead of delivering, if any. */
  ndr: string | null;
}

export interface AuthorizationCode {
  tenantId: string;
  appId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  tenantId: string;
  appId: string;
  userId: string;
  scopes: string[];
  /** When the user signed in; revocation compares against it, as Entra's TokensValidFrom does. */
  grantIssuedAt: number;
  issuedAt: number;
  rotated: boolean;
}

export interface PendingSignIn {
  tenantId: string;
  appId: string;
  redirectUri: string;
  responseMode: "query" | "fragment" | "form_post";
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  clientInfo: boolean;
  forceConsent: boolean;
  loginHint?: string;
  /** Started at /common or /organizations: the user may come from any tenant, and their tenant issues the code. */
  anyOrganization?: boolean;
  userId?: string;
  expiresAt: number;
}

export function normalizeApplication(tenantId: string, app: Tenant["applications"][number]): Application {
  return { ...app, servicePrincipalId: app.servicePrincipalId ?? stableGuid(`sp:${tenantId}:${app.appId}`) };
}

export function normalizeUser(tenantId: string, user: Tenant["users"][number]): User {
  return { ...user, id: user.id ?? stableGuid(`user:${tenantId}:${user.userPrincipalName.toLowerCase()}`) };
}

function normalizeTenant(tenant: Tenant): DirectoryTenant {
  return {
    ...tenant,
    applications: tenant.applications.map((a) => normalizeApplication(tenant.id, a)),
    users: tenant.users.map((u) => normalizeUser(tenant.id, u)),
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Only members with an Exchange Online licence have a mailbox; a B2B guest has none in the inviting tenant, and
 * Graph answers MailboxNotEnabledForRESTAPI for it (https://github.com/microsoftgraph/microsoft-graph-docs/issues/17826). */
export const hasMailbox = (user: User): boolean => user.exchangeLicensed && user.userType === "Member";

/**
 * Everything the sandbox knows. The directory comes from the fixture; the rest is what traffic creates
 * (codes, refresh tokens, mail) and is wiped by reset().
 */
export class SandboxState {
  readonly clock = new Clock();
  readonly faults = new Faults();
  readonly gate = new MailboxGate(() => this.limits);
  readonly sending = new SendingLimits(() => this.limits, this.clock);
  tenants: DirectoryTenant[] = [];
  limits: Limits = limitsSchema.parse({});
  codes = new Map<string, AuthorizationCode>();
  refreshTokens = new Map<string, RefreshGrant>();
  pendingSignIns = new Map<string, PendingSignIn>();
  /** Entra's per-user TokensValidFrom: refresh tokens granted before it fail with AADSTS50173. */
  tokensValidFrom = new Map<string, number>();
  messages: MailMessage[] = [];
  sent: SentRecord[] = [];

  constructor(private readonly fixture: Fixture) {
    this.reset();
  }

  static fromInput(input: unknown): SandboxState {
    return new SandboxState(fixtureSchema.parse(input));
  }

  reset(): void {
    const copy = structuredClone(this.fixture);
    this.tenants = copy.tenants.map(normalizeTenant);
    this.limits = copy.limits;
    this.clock.reset();
    this.faults.clear();
    this.gate.reset();
    this.sending.reset();
    this.codes.clear();
    this.refreshTokens.clear();
    this.pendingSignIns.clear();
    this.tokensValidFrom.clear();
    this.messages = [];
    this.sent = [];
  }

  addTenant(tenant: Tenant): DirectoryTenant {
    const normalized = normalizeTenant(tenant);
    this.tenants.push(normalized);
    return normalized;
  }

  /** Tenants are addressed by GUID or by any verified domain; a disabled tenant is as good as missing. */
  findTenant(identifier: string): DirectoryTenant | undefined {
    return this.tenants.find(
      (t) => t.enabled && (same(t.id, identifier) || t.domains.some((d) => d.isVerified && same(d.name, identifier))),
    );
  }

  findApplication(tenant: DirectoryTenant, appId: string): Application | undefined {
    return tenant.applications.find((a) => same(a.appId, appId));
  }

  findUser(tenant: DirectoryTenant, idOrUpn: string): User | undefined {
    return tenant.users.find((u) => same(u.id, idOrUpn) || same(u.userPrincipalName, idOrUpn));
  }

  /** Mail routing: an address belongs to the sandbox if some tenant has a user with that UPN. */
  findMailbox(address: string): { tenant: DirectoryTenant; user: User } | undefined {
    for (const tenant of this.tenants) {
      const user = tenant.users.find((u) => same(u.userPrincipalName, address));
      if (user) return { tenant, user };
    }
    return undefined;
  }

  /** A mailbox's messages as its owner sees them now (all folders unless one is named), newest first. */
  mailbox(ownerId: string, folder?: MailFolder): MailMessage[] {
    const now = this.clock.now();
    return this.messages
      .filter((m) => m.ownerId === ownerId && (!folder || m.folder === folder) && m.visibleAt <= now)
      .reverse() // stored in arrival order; the sort is stable, so ties keep the later arrival first
      .sort((a, b) => b.visibleAt - a.visibleAt);
  }

  findUserById(userId: string): { tenant: DirectoryTenant; user: User } | undefined {
    for (const tenant of this.tenants) {
      const user = tenant.users.find((u) => u.id === userId);
      if (user) return { tenant, user };
    }
    return undefined;
  }
}
