import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { mailboxesToReconnect } from "@/lib/delegated/reconnect";

/** On every page of the workspace while Microsoft refuses a mailbox's saved sign-in: sending as it has stopped. */
export async function ReconnectBanner({ workspace }: { workspace: { id: string; slug: string } }) {
  const { total, rows } = await mailboxesToReconnect(workspace.id);
  if (total === 0) return null;
  return (
    <Alert tone="warning" className="mb-6">
      <div data-testid="reconnect-banner">
        <p className="font-semibold">
          {total === 1 ? "1 mailbox needs" : `${total} mailboxes need`} to be reconnected: Microsoft refused the saved sign-in, so
          forge365 cannot send as {total === 1 ? "it" : "them"}.
        </p>
        <ul className="mt-1 space-y-0.5">
          {rows.map((m) => (
            <li key={m.id}>
              <Link href={`/w/${workspace.slug}/mailboxes/${m.id}`} className="font-mono font-semibold underline">
                {m.address}
              </Link>{" "}
              — {m.reconnectReason}
            </li>
          ))}
        </ul>
        {total > rows.length ? (
          <Link href={`/w/${workspace.slug}/mailboxes?status=RECONNECT_REQUIRED`} className="mt-1 inline-block font-semibold underline">
            See all {total}
          </Link>
        ) : null}
      </div>
    </Alert>
  );
}
