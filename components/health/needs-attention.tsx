import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { AttentionItem } from "@/lib/health/attention";

/** The most urgent first; a page of hundreds would bury them (and weigh on every overview). */
const SHOWN = 20;

export function NeedsAttention({ items, slug }: { items: AttentionItem[]; slug: string }) {
  return (
    <Card title="Needs attention">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing right now: every secret has more than 30 days left and no mailbox is failing.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="needs-attention">
          {items.slice(0, SHOWN).map((item) => (
            <li key={`${item.kind}-${item.accountId}`} className="flex items-start gap-3 py-2" data-testid="attention-item" data-kind={item.kind}>
              <Badge tone={item.severity === "critical" ? "red" : "amber"}>{item.severity === "critical" ? "Urgent" : "Soon"}</Badge>
              <div className="min-w-0">
                <Link href={item.href} className="font-semibold text-blue-700 hover:underline">
                  {item.title}
                </Link>
                <p className="text-sm text-slate-600">{item.detail}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="attention-more">
          …and {items.length - SHOWN} more.{" "}
          <Link href={`/w/${slug}/mailboxes?status=FAILING`} className="font-semibold text-blue-700 hover:underline">
            See failing mailboxes
          </Link>{" "}
          or{" "}
          <Link href={`/w/${slug}/accounts`} className="font-semibold text-blue-700 hover:underline">
            all accounts
          </Link>
          .
        </p>
      ) : null}
    </Card>
  );
}
