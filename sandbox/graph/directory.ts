import type { User } from "../core/schema";
import { hasMailbox, type DirectoryTenant } from "../core/state";
import { allows, type PermissionRule, type Principal } from "./auth";
import { graph, type GraphError } from "./errors";

export interface GraphResult {
  status: number;
  body?: unknown;
}

export const GRAPH = "https://graph.microsoft.com";

// Permission tables: https://learn.microsoft.com/graph/api/user-get , /user-list , /organization-get , /domain-list
const READ_USERS: PermissionRule = {
  application: ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  delegated: ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
};
const READ_SELF: PermissionRule = { application: [], delegated: ["User.Read", "User.ReadWrite", ...READ_USERS.delegated] };
const READ_ORGANIZATION: PermissionRule = {
  application: ["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  delegated: ["User.Read", "Organization.Read.All", "Directory.Read.All"],
};
const READ_DOMAINS: PermissionRule = {
  application: ["Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  delegated: ["Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
};

/** The properties Graph v1.0 returns for a user when no $select is given. */
function userResource(user: User) {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: hasMailbox(user) ? user.userPrincipalName : null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

const entity = (version: string, set: string, body: object): GraphResult => ({
  status: 200,
  body: { "@odata.context": `${GRAPH}/${version}/$metadata#${set}/$entity`, ...body },
});

const collection = (version: string, set: string, value: unknown[]): GraphResult => ({
  status: 200,
  body: { "@odata.context": `${GRAPH}/${version}/$metadata#${set}`, value },
});

export function listUsers(p: Principal, version: string): GraphResult | GraphError {
  if (!allows(p, READ_USERS)) return graph.insufficientPrivileges();
  return collection(version, "users", p.tenant.users.map(userResource));
}

export function getUser(p: Principal, version: string, idOrUpn: string): GraphResult | GraphError {
  const user = p.tenant.users.find(
    (u) => u.id.toLowerCase() === idOrUpn.toLowerCase() || u.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase(),
  );
  const self = p.kind === "user" && user?.id === p.user.id;
  if (!allows(p, self ? READ_SELF : READ_USERS)) return graph.insufficientPrivileges();
  if (!user) return graph.userNotFound(idOrUpn);
  return entity(version, "users", userResource(user));
}

export function getMe(p: Principal, version: string): GraphResult | GraphError {
  if (p.kind !== "user") return graph.meRequiresUser();
  if (!allows(p, READ_SELF)) return graph.insufficientPrivileges();
  return entity(version, "users", userResource(p.user));
}

function organizationResource(t: DirectoryTenant) {
  return {
    id: t.id,
    deletedDateTime: null,
    businessPhones: [],
    city: null,
    country: null,
    countryLetterCode: t.countryLetterCode,
    createdDateTime: t.createdDateTime,
    displayName: t.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: null,
    preferredLanguage: "en",
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: null,
    technicalNotificationMails: [],
    tenantType: "AAD",
    directorySizeQuota: { used: t.users.length + t.applications.length, total: 50000 },
    assignedPlans: [],
    privacyProfile: null,
    provisionedPlans: [],
    verifiedDomains: t.domains
      .filter((d) => d.isVerified)
      .map((d) => ({ capabilities: "Email, OfficeCommunicationsOnline", isDefault: d.isDefault, isInitial: d.isInitial, name: d.name, type: "Managed" })),
  };
}

/** GET /organization — https://learn.microsoft.com/graph/api/organization-get */
export function getOrganization(p: Principal, version: string): GraphResult | GraphError {
  if (!allows(p, READ_ORGANIZATION)) return graph.insufficientPrivileges();
  return collection(version, "organization", [organizationResource(p.tenant)]);
}

/** GET /domains — https://learn.microsoft.com/graph/api/domain-list */
export function listDomains(p: Principal, version: string): GraphResult | GraphError {
  if (!allows(p, READ_DOMAINS)) return graph.insufficientPrivileges();
  return collection(
    version,
    "domains",
    p.tenant.domains.map((d) => ({
      authenticationType: "Managed",
      availabilityStatus: null,
      id: d.name,
      isAdminManaged: true,
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      isRoot: true,
      isVerified: d.isVerified,
      passwordNotificationWindowInDays: null,
      passwordValidityPeriodInDays: null,
      supportedServices: d.isVerified ? ["Email", "OfficeCommunicationsOnline"] : [],
      state: null,
    })),
  );
}
