import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { formatDate } from "@/lib/format/datetime";
import { pageQuerySchema } from "@/lib/validation/page-query";
import { listPendingInvitations } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/members";
import { workspacePage } from "@/lib/workspaces/page-guard";
import { canAssignRole, hasRole, roleDescriptions, roleLabels, ROLES } from "@/lib/workspaces/roles";
import { InviteForm } from "./invite-form";
import { LeaveWorkspaceButton, RemoveMemberButton, RevokeInvitationButton, RoleSelect } from "./member-row-actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: PageProps<"/w/[slug]/members">) {
  const { slug } = await params;
  const query = pageQuerySchema.parse(await searchParams);
  const { workspace, role, userId } = await workspacePage(slug);
  const manage = hasRole(role, "ADMIN");
  const [members, invitations] = await Promise.all([
    listMembers(workspace.id, query.page),
    manage ? listPendingInvitations(workspace.id) : Promise.resolve({ total: 0, rows: [] }),
  ]);
  const assignable = ROLES.filter((r) => canAssignRole(role, r)).map((r) => ({ value: r, label: roleLabels[r] }));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Members</h1>
      {manage ? (
        <Card title="Invite someone" description="They get a link that works once, for their email address only, for 7 days.">
          <InviteForm slug={workspace.slug} roles={assignable} />
        </Card>
      ) : null}
      <Card title={`${members.total} ${members.total === 1 ? "member" : "members"}`}>
        <ul className="divide-y divide-slate-100">
          {members.rows.map((m) => {
            const self = m.user.id === userId;
            const editable = manage && !self && canAssignRole(role, m.role);
            return (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member-row">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">
                    {m.user.name ?? m.user.email} {self ? <span className="text-slate-500">(you)</span> : null}
                  </p>
                  <p className="truncate text-xs text-slate-500">{m.user.email}</p>
                </div>
                <div className="flex items-center gap-2">
                  {editable ? (
                    <>
                      <RoleSelect key={m.role} slug={workspace.slug} membershipId={m.id} role={m.role} roles={assignable} />
                      <RemoveMemberButton slug={workspace.slug} membershipId={m.id} email={m.user.email} />
                    </>
                  ) : (
                    <Badge title={roleDescriptions[m.role]}>{roleLabels[m.role]}</Badge>
                  )}
                  {self ? <LeaveWorkspaceButton slug={workspace.slug} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
        {members.pageCount > 1 ? (
          <div className="mt-3 border-t border-slate-100 pt-3">
            <Pagination summary={`${members.total} members`} page={members.page} pageCount={members.pageCount} href={(page) => `/w/${workspace.slug}/members?page=${page}`} />
          </div>
        ) : null}
      </Card>
      {manage && invitations.total ? (
        <Card title={`Pending invitations (${invitations.total})`}>
          <ul className="divide-y divide-slate-100">
            {invitations.rows.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-3 text-sm">
                <span>
                  {i.email} · {roleLabels[i.role]} · expires {formatDate(i.expiresAt, workspace)}
                </span>
                <RevokeInvitationButton slug={workspace.slug} invitationId={i.id} />
              </li>
            ))}
          </ul>
          {invitations.total > invitations.rows.length ? (
            <p className="mt-3 text-sm text-slate-600">…and {invitations.total - invitations.rows.length} older, still pending.</p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
