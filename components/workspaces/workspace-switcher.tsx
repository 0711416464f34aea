import Link from "next/link";
import { EnvironmentBadge } from "./environment-badge";

interface WorkspaceSummary {
  slug: string;
  name: string;
  environment: "TEST" | "PRODUCTION";
}

/** A disclosure, not a script: switching works before hydration and without JavaScript. */
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceSummary; workspaces: WorkspaceSummary[] }) {
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
          {workspaces.map((w) => (
            <li key={w.slug}>
              <Link
                href={`/w/${w.slug}`}
                aria-current={w.slug === current.slug ? "page" : undefined}
                className="flex items-center justify-between rounded px-3 py-2 text-sm hover:bg-slate-100 aria-[current=page]:bg-blue-50"
              >
                <span className="truncate">{w.name}</span>
                <EnvironmentBadge environment={w.environment} />
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/workspaces/new" className="mt-1 block rounded border-t border-slate-100 px-3 py-2 text-sm font-semibold text-blue-700 hover:bg-slate-100">
          + New workspace
        </Link>
      </div>
    </details>
  );
}
