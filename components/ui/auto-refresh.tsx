"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * Re-renders the page from the server while something is in progress (a test run, a bulk run). The next
 * refresh is scheduled only once the last one has rendered: on a slow server, refreshes on a fixed timer
 * pile up, and a navigation started meanwhile (the URL of a new test) never gets to commit.
 */
export function AutoRefresh({ active, intervalMs = 700 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (!active || refreshing) return;
    const timer = setTimeout(() => startRefresh(() => router.refresh()), intervalMs);
    return () => clearTimeout(timer);
  }, [active, refreshing, intervalMs, router]);
  return null;
}
