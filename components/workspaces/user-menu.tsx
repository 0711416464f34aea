import Link from "next/link";

export function UserMenu({ email, signOut }: { email: string; signOut: () => Promise<void> }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/account" className="text-slate-600 hover:text-slate-900" title="Account settings">
        {email}
      </Link>
      <form action={signOut}>
        <button type="submit" className="rounded-md px-2 py-1 font-semibold text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
