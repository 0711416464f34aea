import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import { UserMenu } from "./user-menu";

/** The frame of pages outside any workspace (account, new workspace). */
export function UserShell({ email, signOut, children }: { email: string; signOut: () => Promise<void>; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white py-3">
        <div className="mx-auto max-w-6xl px-4">
          <AppHeader right={<UserMenu email={email} signOut={signOut} />} />
        </div>
      </header>
      {children}
    </div>
  );
}
