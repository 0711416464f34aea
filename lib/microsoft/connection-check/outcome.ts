import type { Diagnosis } from "@/lib/microsoft/catalog";
import type { StepDetails, StepStatus } from "./types";

export interface StepOutcome {
  status: StepStatus;
  summary: string;
  details?: StepDetails;
  diagnosis?: Diagnosis;
}

/** A step's outcome and, unless it failed, what the following steps need from it. */
export type Done<T> =
  | (StepOutcome & { status: "passed" | "warning" | "skipped"; value: T })
  | (StepOutcome & { status: "failed" });

/** A failure's summary is the diagnosis title, so the step list and the advice below it agree. */
export function failed(diagnosis: Diagnosis, details?: StepDetails): Done<never> {
  const title = diagnosis.title.trim();
  return { status: "failed", summary: /[.!?]$/.test(title) ? title : `${title}.`, diagnosis, details };
}
