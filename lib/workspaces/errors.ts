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
