import { UserFacingError } from "@/lib/errors";
import type { Role } from "./roles";
import { roleLabels } from "./roles";

/** Raised for non-members as for missing workspaces, so nobody learns which slugs exist. */
export class WorkspaceNotFoundError extends Error {
  constructor() {
    super("Workspace not found");
    this.name = "WorkspaceNotFoundError";
  }
}

export class NotAllowedError extends Error {
  constructor(readonly required: Role) {
    super(`You're not allowed to do this: it needs the ${roleLabels[required]} role or higher in this workspace.`);
    this.name = "NotAllowedError";
  }
}

/**
 * The workspace requires two-factor sign-in and this member has not turned it on. A UserFacingError,
 * so every action shows it as it is; pages send the member to the page that explains it.
 */
export class TwoFactorRequiredError extends UserFacingError {
  constructor(readonly workspaceName: string) {
    super(`${workspaceName} requires two-factor sign-in for every member. Turn it on for your account (Account → Two-factor sign-in, /account/two-factor), then come back.`);
    this.name = "TwoFactorRequiredError";
  }
}
