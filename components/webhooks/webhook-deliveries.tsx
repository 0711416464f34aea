import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
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
    <DataTable label="Recent webhook calls" columns={["Event", "Created", "Status", "Attempts", "Last answer"]}>
      {deliveries.map((d) => (
        <tr key={d.id} data-testid="webhook-delivery">
          <td className="px-4 py-2 font-mono text-xs">{d.event}</td>
          <td className="px-4 py-2 text-slate-600">{formatDateTime(d.createdAt, prefs)}</td>
          <td className="px-4 py-2">
            <Badge tone={tone[d.status]}>{d.status.toLowerCase()}</Badge>
          </td>
          <td className="px-4 py-2">{d.attempts}</td>
          <td className="px-4 py-2 text-xs text-slate-600">
            {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "")}
            {d.status === "PENDING" && d.attempts > 0 ? ` · next try ${formatDateTime(d.nextAttemptAt, prefs)}` : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
