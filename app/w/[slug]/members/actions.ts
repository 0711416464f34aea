"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { changeRoleSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/workspaces/schemas";
import { createInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeRole, leaveWorkspace, removeMember } from "@/lib/workspaces/members";

export const inviteMemberAction = workspaceAction({
  name: "members.invite",
  role: "ADMIN",
  schema: inviteMemberSchema,
  async run(ctx, input) {
    const invitation = await createInvitation(ctx.actor, input);
    return {
      ok: true,
      data: { link: invitation.link, email: input.email },
      message: `Invitation created for ${input.email}. Send them this link; it works once and expires in 7 days.`,
    };
  },
});

export const changeRoleAction = workspaceAction({
  name: "members.changeRole",
  role: "ADMIN",
  schema: changeRoleSchema,
  async run(ctx, input) {
    await changeRole(ctx.actor, input.membershipId, input.role);
    return { ok: true, data: undefined, message: "Role updated." };
  },
});

export const removeMemberAction = workspaceAction({
  name: "members.remove",
  role: "ADMIN",
  schema: removeMemberSchema,
  async run(ctx, input) {
    await removeMember(ctx.actor, input.membershipId);
    return { ok: true, data: undefined, message: "Member removed." };
  },
});

export const revokeInvitationAction = workspaceAction({
  name: "members.revokeInvitation",
  role: "ADMIN",
  schema: revokeInvitationSchema,
  async run(ctx, input) {
    await revokeInvitation(ctx.actor, input.invitationId);
    return { ok: true, data: undefined, message: "Invitation withdrawn." };
  },
});

/** Leaving concerns only oneself, so every role may do it (the last owner excepted). */
export const leaveWorkspaceAction = workspaceAction({
  name: "members.leave",
  role: "VIEWER",
  schema: z.object({}),
  async run(ctx) {
    await leaveWorkspace(ctx.actor);
    redirect("/");
  },
});
