import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmissionGate, type Ticket } from "./admission";

const settled = async (promise: Promise<void>) => {
  let done = false;
  promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("admission gate", () => {
  it("runs up to the limit at once, queues the rest in arrival order, and refuses past the queue", async () => {
    const gate = createAdmissionGate({ maxConcurrent: 2, maxQueued: 2 });
    const [a, b, c, d] = [gate.enter()!, gate.enter()!, gate.enter()!, gate.enter()!];
    expect(gate.enter()).toBeNull();
    expect([await settled(a.admitted), await settled(b.admitted), await settled(c.admitted), await settled(d.admitted)]).toEqual([true, true, false, false]);
    a.leave();
    expect([await settled(c.admitted), await settled(d.admitted)]).toEqual([true, false]);
    expect([gate.running, gate.waiting]).toEqual([2, 1]);
    b.leave();
    c.leave();
    d.leave();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it("forgets a waiter whose client left, and counts each ticket's leave once", async () => {
    const gate = createAdmissionGate({ maxConcurrent: 1, maxQueued: 5 });
    const running = gate.enter()!;
    const gone = gate.enter()!;
    const next = gate.enter()!;
    gone.leave();
    gone.leave();
    running.leave();
    running.leave();
    expect(await settled(gone.admitted)).toBe(false);
    expect(await settled(next.admitted)).toBe(true);
    expect([gate.running, gate.waiting]).toEqual([1, 0]);
  });

  it("never runs more than the limit, never loses a slot, whatever the order of arrivals and departures", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.array(fc.nat(), { maxLength: 60 }), (maxConcurrent, maxQueued, steps) => {
        const gate = createAdmissionGate({ maxConcurrent, maxQueued });
        const open: Ticket[] = [];
        for (const step of steps) {
          if (step % 3 === 0 || open.length === 0) {
            const ticket = gate.enter();
            if (ticket) open.push(ticket);
            else expect(gate.waiting).toBe(maxQueued);
          } else {
            open.splice(step % open.length, 1)[0].leave();
          }
          expect(gate.running).toBeLessThanOrEqual(maxConcurrent);
          expect(gate.running + gate.waiting).toBe(open.length);
          expect(gate.waiting === 0 || gate.running === maxConcurrent).toBe(true);
        }
        for (const ticket of open) ticket.leave();
        expect([gate.running, gate.waiting]).toEqual([0, 0]);
      }),
    );
  });
});
