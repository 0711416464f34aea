"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ slug, items }: { slug: string; items: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const href = `/w/${slug}${item.href}`;
        const active = item.href === "" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={item.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className="whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-blue-600 aria-[current=page]:text-slate-900"
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
