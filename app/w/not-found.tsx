import Link from "next/link";

export default function WorkspaceNotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Workspace not found</h1>
      <p className="mt-2 text-slate-600">
        This workspace doesn't exist, or you're not a member of it. Ask one of its owners for an invitation.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-semibold text-blue-700 hover:underline">
        Back to your workspaces
      </Link>
    </main>
  );
}
