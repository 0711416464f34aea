/** Thrown into the running step when the whole test has used up its time. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`The connection test stopped after ${ms} ms.`);
    this.name = "DeadlineExceeded";
  }
}

export interface Deadline {
  /** Aborts in-flight requests when the time is up. */
  readonly signal: AbortSignal;
  /** Settles with the work, or rejects with DeadlineExceeded when the time is up first. */
  race<T>(work: Promise<T>): Promise<T>;
  remainingMs(): number;
  dispose(): void;
}

/**
 * A time limit for the whole run. Aborting the requests alone is not enough: MSAL and the Graph SDK can
 * wait between retries (Graph honours Retry-After up to minutes), so the run also stops waiting for them.
 */
export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const error = new DeadlineExceeded(ms);
  const expired = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(error)));
  // Only races observe the rejection; a deadline that fires between steps must not count as unhandled.
  expired.catch(() => {});
  const endsAt = performance.now() + ms;
  const timer = setTimeout(() => controller.abort(new DOMException(error.message, "TimeoutError")), ms);
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, expired]),
    remainingMs: () => Math.max(0, endsAt - performance.now()),
    dispose: () => clearTimeout(timer),
  };
}
