import Link from "next/link";
import { EnvironmentBadge } from "./environment-badge";

interface WorkspaceSummary {
  slug: string;
  name: string;
  environment: "TEST" | "PRODUCTION";
}

const itemClasses = "flex items-center justify-between rounded px-3 py-2 text-sm hover:bg-slate-100";

/**
 * A disclosure, not a script: switching works before hydration and without JavaScript. It holds the
 * current workspace and a few others; `total` counts them all, and past those few a link leads to the
 * full, searchable list.
 */
export function WorkspaceSwitcher({ current, others, total }: { current: WorkspaceSummary; others: WorkspaceSummary[]; total: number }) {
  return (
    <details className="group relative">
      <summary
        aria-label="Switch workspace"
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm font-semibold hover:bg-slate-100"
      >
        <span data-testid="current-workspace">{current.name}</span>
        <span aria-hidden className="text-slate-400 group-open:rotate-180">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-72 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
        <ul>
          {[current, ...others].map((w) => (
            <li key={w.slug}>
              <Link href={`/w/${w.slug}`} aria-current={w === current ? "page" : undefined} className={`${itemClasses} aria-[current=page]:bg-blue-50`}>
                <span className="truncate">{w.name}</span>
                <EnvironmentBadge environment={w.environment} />
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-slate-100 pt-1">
          {total > others.length + 1 ? (
            <Link href="/workspaces" className={`${itemClasses} text-blue-700`}>
              All {total} workspaces →
            </Link>
          ) : null}
          <Link href="/workspaces/new" className={`${itemClasses} font-semibold text-blue-700`}>
            + New workspace
          </Link>
        </div>
      </div>
    </details>
  );
}
