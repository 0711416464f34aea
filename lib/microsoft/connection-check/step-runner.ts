import { diagnose, type Diagnosis, type DiagnosisIds } from "@/lib/microsoft/catalog";
import { DeadlineExceeded, type Deadline } from "./deadline";
import { failed, type Done } from "./outcome";
import { STEP_NAMES, type ConnectionTestHooks, type StepIds, type StepName, type StepRecord } from "./types";
import type { Upstream, UpstreamCall } from "./upstream";

const NOT_RUN = "Not run: an earlier step failed.";

/** Fills the identifiers an error did not carry from what the step's last request answered. */
function mergeIds(first: DiagnosisIds | undefined, second: DiagnosisIds | undefined): DiagnosisIds {
  const merged: DiagnosisIds = { ...second };
  for (const [key, value] of Object.entries(first ?? {}) as [keyof DiagnosisIds, string | undefined][]) {
    if (value) merged[key] = value;
  }
  return merged;
}

/**
 * Runs the steps in order under the run's deadline: times them, turns what they throw into the catalog's
 * diagnosis, and reports each as it completes. After a failure the remaining steps are recorded as not run.
 */
export class StepRunner {
  readonly steps: StepRecord[] = [];
  readonly ids: StepIds[] = [];

  constructor(
    private readonly deadline: Deadline,
    private readonly upstream: Upstream,
    private readonly hooks: ConnectionTestHooks,
  ) {}

  get failure(): StepRecord | undefined {
    return this.steps.find((step) => step.status === "failed");
  }

  /** The step's value, or undefined when it failed (and the run stops). */
  async step<T>(name: StepName, work: () => Promise<Done<T>>): Promise<T | undefined> {
    const first = this.upstream.calls.length;
    const started = performance.now();
    let done: Done<T>;
    try {
      done = await this.deadline.race(work());
    } catch (err) {
      done = failed(this.diagnoseError(err, name, this.upstream.calls.slice(first)));
    }
    const lastCall = this.upstream.calls.slice(first).at(-1);
    const diagnosis = done.diagnosis && { ...done.diagnosis, ids: mergeIds(done.diagnosis.ids, lastCall?.ids) };
    const ids = mergeIds(diagnosis?.ids, lastCall?.ids);
    if (Object.keys(ids).length > 0) this.ids.push({ step: name, ...ids });
    this.record({
      name,
      status: done.status,
      durationMs: Math.round(performance.now() - started),
      summary: done.summary,
      ...(done.details ? { details: done.details } : {}),
      ...(diagnosis ? { diagnosis } : {}),
    });
    return done.status === "failed" ? undefined : done.value;
  }

  /** Records every step that did not run; call once, after the last step that ran. */
  finish(): StepRecord[] {
    for (const name of STEP_NAMES) {
      if (!this.steps.some((step) => step.name === name)) this.record({ name, status: "skipped", durationMs: 0, summary: NOT_RUN });
    }
    return this.steps;
  }

  /**
   * A timeout is decided here, not read from the error: MSAL reports an aborted request as a plain
   * network_error, and a run stopped by its deadline may not have a request in flight at all.
   */
  private diagnoseError(err: unknown, step: StepName, calls: UpstreamCall[]): Diagnosis {
    const timedOut = err instanceof DeadlineExceeded || calls.some((call) => call.timedOut);
    return diagnose(timedOut ? "TIMEOUT" : err, { step });
  }

  private record(step: StepRecord): void {
    this.steps.push(step);
    try {
      this.hooks.onStep?.(step);
    } catch {
      // A listener (a closed browser stream, say) must not change what the test found.
    }
  }
}
