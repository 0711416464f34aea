import type { Role } from "@/lib/db/generated/prisma/enums";

export type { Role };
export const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly Role[];

const rank: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export function hasRole(role: Role, minimum: Role) {
  return rank[role] >= rank[minimum];
}

export const roleLabels: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

export const roleDescriptions: Record<Role, string> = {
  OWNER: "Everything, including granting ownership and deleting the workspace.",
  ADMIN: "Manage members, replace secrets and delete accounts.",
  MEMBER: "Add Microsoft 365 accounts and run tests.",
  VIEWER: "See everything, change nothing.",
};

/** Only an owner may hand out or take away ownership; admins manage every other role. */
export function canAssignRole(actor: Role, target: Role) {
  return target === "OWNER" ? actor === "OWNER" : hasRole(actor, "ADMIN");
}
