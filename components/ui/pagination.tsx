import Link from "next/link";
import { buttonClasses } from "./button";

export function Pagination({ summary, page, pageCount, href }: { summary: string; page: number; pageCount: number; href: (page: number) => string }) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {summary} · page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link href={href(page - 1)} className={buttonClasses("secondary")}>Previous</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)} className={buttonClasses("secondary")}>Next</Link> : null}
      </span>
    </nav>
  );
}
