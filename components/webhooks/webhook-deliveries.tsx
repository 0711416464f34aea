import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type DateTimePreferences, formatDateTime } from "@/lib/format/datetime";

interface Delivery {
  id: string;
  event: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
}

const tone: Record<Delivery["status"], BadgeTone> = { PENDING: "amber", DELIVERED: "green", FAILED: "red" };

export function WebhookDeliveries({ deliveries, prefs }: { deliveries: Delivery[]; prefs: DateTimePreferences }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">No webhook calls yet.</p>;
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Recent webhook calls">
      <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-4">Event</th>
          <th className="py-2 pr-4">Created</th>
          <th className="py-2 pr-4">Status</th>
          <th className="py-2 pr-4">Attempts</th>
          <th className="py-2">Last answer</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {deliveries.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery">
            <td className="py-2 pr-4 font-mono text-xs">{d.event}</td>
            <td className="py-2 pr-4 text-slate-600">{formatDateTime(d.createdAt, prefs)}</td>
            <td className="py-2 pr-4">
              <Badge tone={tone[d.status]}>{d.status.toLowerCase()}</Badge>
            </td>
            <td className="py-2 pr-4">{d.attempts}</td>
            <td className="py-2 text-xs text-slate-600">
              {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "")}
              {d.status === "PENDING" && d.attempts > 0 ? ` · next try ${formatDateTime(d.nextAttemptAt, prefs)}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
