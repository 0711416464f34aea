"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { changeRoleAction, leaveWorkspaceAction, removeMemberAction, revokeInvitationAction } from "./actions";

const small = "rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-inset";

function Refusal({ state }: { state: { ok: boolean; error?: string } | null }) {
  return state && !state.ok ? <Alert tone="error" className="mt-1 text-xs">{state.error}</Alert> : null;
}

export function RoleSelect({ slug, membershipId, role, roles }: { slug: string; membershipId: string; role: string; roles: Array<{ value: string; label: string }> }) {
  const [state, action] = useActionState(changeRoleAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex items-center gap-2">
        <select name="role" defaultValue={role} aria-label="Role" className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300">
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" className={`${small} ring-slate-300 hover:bg-slate-50`}>
          Change role
        </button>
      </div>
      <Refusal state={state} />
    </form>
  );
}

export function RemoveMemberButton({ slug, membershipId, email }: { slug: string; membershipId: string; email: string }) {
  const [state, action] = useActionState(removeMemberAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!confirm(`Remove ${email} from this workspace?`)) e.preventDefault(); }}>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className={`${small} text-red-700 ring-red-200 hover:bg-red-50`}>
        Remove
      </button>
      <Refusal state={state} />
    </form>
  );
}

export function LeaveWorkspaceButton({ slug }: { slug: string }) {
  const [state, action] = useActionState(leaveWorkspaceAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (!confirm("Leave this workspace? You'll need a new invitation to come back.")) e.preventDefault(); }}>
      <input type="hidden" name="workspace" value={slug} />
      <button type="submit" className={`${small} text-red-700 ring-red-200 hover:bg-red-50`}>
        Leave workspace
      </button>
      <Refusal state={state} />
    </form>
  );
}

export function RevokeInvitationButton({ slug, invitationId }: { slug: string; invitationId: string }) {
  const [state, action] = useActionState(revokeInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={slug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className={`${small} ring-slate-300 hover:bg-slate-50`}>
        Withdraw
      </button>
      <Refusal state={state} />
    </form>
  );
}
