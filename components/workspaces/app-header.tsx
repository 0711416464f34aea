import Link from "next/link";
import type { ReactNode } from "react";

export function AppHeader({ left, right }: { left?: ReactNode; right?: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4">
      <div className="flex min-w-0 items-center gap-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
          forge<span className="text-blue-600">365</span>
        </Link>
        {left}
      </div>
      {right}
    </div>
  );
}
