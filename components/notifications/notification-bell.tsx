import Link from "next/link";

export function NotificationBell({ href, unread }: { href: string; unread: number }) {
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link href={href} aria-label={label} title={label} className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
        <path d="M10.3 20a2 2 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-bold leading-4 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
