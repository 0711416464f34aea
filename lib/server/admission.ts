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
      if (running < maxConcurrent) {
        running += 1;
        return ticket(Promise.resolve(), () => true);
      }
      if (waiting.size >= maxQueued) return null;
      let admit!: () => void;
      const admitted = new Promise<void>((resolve) => (admit = resolve));
      let ran = false;
      const start = () => ((ran = true), admit());
      waiting.add(start);
      return ticket(admitted, () => ran || (waiting.delete(start), false));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.size;
    },
  };

  /** `holdsSlot()` says, at leave time, whether the request had started (and so holds a slot). */
  function ticket(admitted: Promise<void>, holdsSlot: () => boolean): Ticket {
    let left = false;
    return {
      admitted,
      leave() {
        if (left) return;
        left = true;
        if (holdsSlot()) handOver();
      },
    };
  }
}

export type AdmissionGate = ReturnType<typeof createAdmissionGate>;
