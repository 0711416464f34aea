"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/user-action";
import { createWorkspaceSchema } from "@/lib/workspaces/schemas";
import { createWorkspace } from "@/lib/workspaces/workspaces";

export const createWorkspaceAction = userAction({
  name: "workspace.create",
  schema: createWorkspaceSchema,
  async run(user, input) {
    const workspace = await createWorkspace(user.id, input);
    redirect(`/w/${workspace.slug}`);
  },
});
