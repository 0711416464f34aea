import type { StepRecord } from "@/lib/microsoft/connection-check";
import { cn } from "@/components/ui/cn";

const look: Record<StepRecord["status"], { icon: string; className: string; label: string }> = {
  passed: { icon: "✓", className: "bg-emerald-100 text-emerald-700", label: "Passed" },
  failed: { icon: "✕", className: "bg-red-100 text-red-700", label: "Failed" },
  warning: { icon: "!", className: "bg-amber-100 text-amber-800", label: "Warning" },
  skipped: { icon: "–", className: "bg-slate-100 text-slate-500", label: "Skipped" },
};

const titles: Record<StepRecord["name"], string> = {
  configuration: "Configuration",
  token: "Token",
  permissions: "Permissions",
  mailbox: "Mailbox",
  send: "Send",
};

/** The steps of a run as they completed; pending ones are shown waiting. */
export function StepList({ steps, running }: { steps: StepRecord[]; running: boolean }) {
  const done = new Set(steps.map((s) => s.name));
  const pending = (Object.keys(titles) as StepRecord["name"][]).filter((name) => !done.has(name));
  return (
    <ol className="space-y-2" aria-label="Test steps">
      {steps.map((step) => (
        <li key={step.name} className="flex items-start gap-3" data-testid={`step-${step.name}`} data-status={step.status}>
          <span aria-label={look[step.status].label} className={cn("mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold", look[step.status].className)}>
            {look[step.status].icon}
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium">
              {titles[step.name]} <span className="ml-1 text-xs font-normal text-slate-500">{Math.round(step.durationMs)} ms</span>
            </p>
            <p className="text-sm text-slate-600">{step.summary}</p>
          </div>
        </li>
      ))}
      {running
        ? pending.map((name, i) => (
            <li key={name} className="flex items-center gap-3 text-slate-400" data-testid={`step-${name}`} data-status="pending">
              <span className={cn("flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs", i === 0 && "animate-pulse")}>…</span>
              <span className="text-sm">{titles[name]}</span>
            </li>
          ))
        : null}
    </ol>
  );
}
