import { describe, expect, it, vi } from "vitest";
import { open, seal, type SealContext } from "./vault";
import { rotateAndRecheck, rotateSealedValues, type ResealedRow, type SealedRow } from "./rotate";
import { testKeyrings } from "@/tests/helpers/keyrings";

const ring = testKeyrings("old", "new", "lost");

interface Row {
  id: number;
  context: SealContext;
  value: string;
}

const contextOf = (id: number): SealContext => ({ workspaceId: `ws_${id % 3}`, table: "AppRegistration", recordId: `rec_${id}`, field: "clientSecret" });
const plaintextOf = (id: number) => `secret-${id}`;

/** An in-memory table with the same contract a database wiring would have. */
function table(count: number, sealWith = ring("old")) {
  const rows: Row[] = Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return { id, context: contextOf(id), value: seal(plaintextOf(id), contextOf(id), sealWith) };
  });
  const listBatch = vi.fn(async (after: number | undefined, limit: number): Promise<SealedRow<number>[]> =>
    rows
      .filter((row) => row.id > (after ?? 0))
      .slice(0, limit)
      .map((row) => ({ cursor: row.id, context: row.context, sealed: row.value })),
  );
  const resealBatch = vi.fn(async (batch: ResealedRow<number>[]) =>
    batch.filter((update) => {
      const row = rows.find((candidate) => candidate.id === update.cursor)!;
      if (row.value !== update.sealed) return false;
      row.value = update.resealed;
      return true;
    }),
  );
  return { rows, listBatch, resealBatch };
}

describe("rotateSealedValues", () => {
  it("moves every value to the new primary key, and a second run changes nothing", async () => {
    const store = table(7);
    const rotated = ring("new", "old");
    for (const row of store.rows) expect(open(row.value, row.context, rotated)).toBe(plaintextOf(row.id));

    const first = await rotateSealedValues({ keyring: rotated, batchSize: 3, ...store });
    expect(first).toEqual({ scanned: 7, resealed: 7, skipped: 0, alreadyCurrent: 0, failed: 0, failures: [] });
    for (const row of store.rows) {
      expect(row.value.startsWith("v1.new.")).toBe(true);
      expect(open(row.value, row.context, ring("new"))).toBe(plaintextOf(row.id));
    }

    const before = store.rows.map((row) => row.value);
    store.resealBatch.mockClear();
    const second = await rotateSealedValues({ keyring: rotated, batchSize: 3, ...store });
    expect(second).toEqual({ scanned: 7, resealed: 0, skipped: 0, alreadyCurrent: 7, failed: 0, failures: [] });
    expect(store.resealBatch).not.toHaveBeenCalled();
    expect(store.rows.map((row) => row.value)).toEqual(before);
  });

  it("pages with the last cursor and writes one batch at a time", async () => {
    const store = table(7);
    await rotateSealedValues({ keyring: ring("new", "old"), batchSize: 3, ...store });
    expect(store.listBatch.mock.calls).toEqual([
      [undefined, 3],
      [3, 3],
      [6, 3],
    ]);
    expect(store.resealBatch.mock.calls.map(([batch]) => batch.map((row) => row.cursor))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("asks for one more batch when the last one was exactly full", async () => {
    const store = table(6);
    await rotateSealedValues({ keyring: ring("new", "old"), batchSize: 3, ...store });
    expect(store.listBatch).toHaveBeenCalledTimes(3);
  });

  it("counts values it cannot open, leaves them alone and carries on", async () => {
    const store = table(4);
    store.rows[1].value = seal("x", store.rows[1].context, ring("lost"));
    store.rows[2].value = "not a sealed value";
    const untouched = [store.rows[1].value, store.rows[2].value];

    const report = await rotateSealedValues({ keyring: ring("new", "old"), ...store });
    expect(report).toMatchObject({ scanned: 4, resealed: 2, alreadyCurrent: 0, failed: 2 });
    expect(report.failures).toEqual([
      { context: contextOf(2), code: "unknown_key" },
      { context: contextOf(3), code: "malformed" },
    ]);
    expect([store.rows[1].value, store.rows[2].value]).toEqual(untouched);
  });

  it("stops on a storage error, and a rerun finishes the job", async () => {
    const store = table(5);
    const keyring = ring("new", "old");
    const persist = store.resealBatch.getMockImplementation()!;
    store.resealBatch.mockImplementationOnce(persist).mockRejectedValueOnce(new Error("connection lost"));

    await expect(rotateSealedValues({ keyring, batchSize: 2, ...store })).rejects.toThrow("connection lost");
    expect(await rotateSealedValues({ keyring, batchSize: 2, ...store })).toMatchObject({ resealed: 3, alreadyCurrent: 2 });
  });

  it("rejects a batch size that is not a positive integer", async () => {
    for (const batchSize of [0, -1, 1.5, Number.NaN]) {
      await expect(rotateSealedValues({ keyring: ring("new"), batchSize, ...table(1) })).rejects.toThrow(RangeError);
    }
  });
});

describe("rotateAndRecheck", () => {
  it("does not count a row changed between listing and writing, and asks for another pass", async () => {
    const store = table(4);
    const keyring = ring("new", "old");
    const listed = store.listBatch.getMockImplementation()!;
    // Another writer saves row 2 (with the key it still seals with) right after it was listed.
    store.listBatch.mockImplementationOnce(async (after, limit) => {
      const rows = await listed(after, limit);
      store.rows[1].value = seal("replaced", contextOf(2), ring("old"));
      return rows;
    });

    const report = await rotateAndRecheck({ keyring, batchSize: 10, ...store });
    expect(report).toMatchObject({ scanned: 4, resealed: 3, skipped: 1, stale: 1, anotherPass: true });
    expect(open(store.rows[1].value, contextOf(2), keyring)).toBe("replaced");

    const again = await rotateAndRecheck({ keyring, batchSize: 10, ...store });
    expect(again).toMatchObject({ resealed: 1, skipped: 0, stale: 0, anotherPass: false });
  });

  it("asks for another pass when a changed row was skipped, even if it is now current", async () => {
    const store = table(2);
    const keyring = ring("new", "old");
    const listed = store.listBatch.getMockImplementation()!;
    store.listBatch.mockImplementationOnce(async (after, limit) => {
      const rows = await listed(after, limit);
      store.rows[0].value = seal("replaced", contextOf(1), keyring);
      return rows;
    });

    expect(await rotateAndRecheck({ keyring, ...store })).toMatchObject({ resealed: 1, skipped: 1, stale: 0, anotherPass: true });
  });

  it("finds a value sealed with an older key behind the pass", async () => {
    const store = table(4);
    const keyring = ring("new", "old");
    const persist = store.resealBatch.getMockImplementation()!;
    // While the second batch is written, a process that still seals with "old" saves row 1 again.
    store.resealBatch.mockImplementationOnce(persist).mockImplementationOnce(async (batch) => {
      store.rows[0].value = seal("saved meanwhile", contextOf(1), ring("old"));
      return persist(batch);
    });

    const report = await rotateAndRecheck({ keyring, batchSize: 2, ...store });
    expect(report).toMatchObject({ scanned: 4, resealed: 4, skipped: 0, stale: 1, anotherPass: true });
    expect(await rotateAndRecheck({ keyring, batchSize: 2, ...store })).toMatchObject({ resealed: 1, stale: 0, anotherPass: false });
  });

  it("does not ask for another pass for values no pass can open", async () => {
    const store = table(3);
    store.rows[0].value = seal("x", store.rows[0].context, ring("lost"));
    store.rows[1].value = "not a sealed value";

    const report = await rotateAndRecheck({ keyring: ring("new", "old"), ...store });
    expect(report).toMatchObject({ resealed: 1, failed: 2, stale: 0, anotherPass: false });
  });
});
