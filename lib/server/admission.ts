export interface AdmissionLimits {
  /** Requests rendered at once. */
  maxConcurrent: number;
  /** Requests waiting their turn; one more is answered 503. */
  maxQueued: number;
}

export interface Ticket {
  /** Settles when the request may run. */
  admitted: Promise<void>;
  /** Frees the request's place, whether it ran or still waits; safe to call more than once. */
  leave(): void;
}

/**
 * Admission control for the dashboard's server. Rendering a page is CPU work: past a few dozen
 * requests at once, more of them in flight only add memory and garbage collection, so every one
 * finishes later. At most `maxConcurrent` run; the rest wait in arrival order, and past `maxQueued`
 * waiting the server says it is busy instead of growing until it runs out of memory.
 */
export function createAdmissionGate({ maxConcurrent, maxQueued }: AdmissionLimits) {
  let running = 0;
  // A Set keeps arrival order and drops a waiter whose client left in constant time.
  const waiting = new Set<() => void>();

  /** A finished request's slot goes straight to the longest waiter, or is freed. */
  function handOver() {
    const [next] = waiting;
    if (next) {
      waiting.delete(next);
      next();
    } else {
      running -= 1;
    }
  }

  return {
    /** A ticket to run now or later, or null when the queue is full. */
    enter(): Ticket | null {
      if (running >= maxConcurrent && waiting.size >= maxQueued) return null;
      let state: "waiting" | "running" | "left" = "waiting";
      let admit!: () => void;
      const admitted = new Promise<void>((resolve) => (admit = resolve));
      const start = () => {
        state = "running";
        admit();
      };
      if (running < maxConcurrent) {
        running += 1;
        start();
      } else {
        waiting.add(start);
      }
      return {
        admitted,
        leave() {
          if (state === "running") handOver();
          else if (state === "waiting") waiting.delete(start);
          state = "left";
        },
      };
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.size;
    },
  };
}

export type AdmissionGate = ReturnType<typeof createAdmissionGate>;
