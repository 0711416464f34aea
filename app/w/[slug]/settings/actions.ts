"use server";

import { workspaceAction } from "@/lib/actions/workspace-action";
import { updateWorkspaceSchema } from "@/lib/validation/workspaces";
import { updateWorkspace } from "@/lib/workspaces/workspaces";

export const updateWorkspaceAction = workspaceAction({
  name: "workspace.update",
  role: "ADMIN",
  schema: updateWorkspaceSchema,
  async run({ workspace }, input) {
    await updateWorkspace(workspace.id, input);
    return { ok: true, data: undefined, message: "Workspace settings saved." };
  },
});
