import { DiagnosisPanel } from "@/components/connection-checks/diagnosis-panel";
import { Alert } from "@/components/ui/alert";
import { diagnose } from "@/lib/microsoft/catalog";

/** A Connect that did not finish: nothing was stored, and the catalog says why and what to change. */
export function ConnectFailure({ code }: { code: string }) {
  return (
    <div className="space-y-3" data-testid="connect-failure">
      <Alert tone="error">Connect with Microsoft did not finish, and nothing was saved.</Alert>
      <DiagnosisPanel diagnosis={diagnose(code, { step: "authorize" })} />
    </div>
  );
}
