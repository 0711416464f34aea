import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">
        Your role in this workspace doesn't allow this. Ask an owner or admin of the workspace to change your role.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-semibold text-blue-700 hover:underline">
        Back to your workspaces
      </Link>
    </main>
  );
}
