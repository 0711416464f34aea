import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import { UserMenu } from "./user-menu";

/** The frame of pages outside any workspace (account, new workspace). */
export function UserShell({ email, signOut, children }: { email: string; signOut: () => Promise<void>; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white px-4 py-3">
        <div className="mx-auto max-w-6xl">
          <AppHeader right={<UserMenu email={email} signOut={signOut} />} />
        </div>
      </header>
      {children}
    </div>
  );
}
