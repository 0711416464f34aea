import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateAndRecheck } from "@/lib/crypto/rotate";
import { defineSealedColumn } from "@/lib/crypto/sealed-columns";
import { db } from "@/lib/db/client";
import { testKeyrings } from "@/tests/helpers/keyrings";
import { sealedColumnStore } from "./column-store";

const ring = testKeyrings("old", "new");
const keyring = ring("new", "old");

/**
 * A table of its own: rotating a registered column would sweep every test's rows, which other
 * files running alongside rotate forward and back.
 */
const probe = defineSealedColumn({ table: `RotationProbe_${randomUUID().slice(0, 8)}`, id: "id", column: "secretSealed", workspace: "workspaceId", field: "secret" });
const ids = ["a", "b", "c"];

async function value(id: string) {
  const [row] = await db.$queryRawUnsafe<Array<{ secretSealed: string }>>(`SELECT "secretSealed" FROM "${probe.table}" WHERE id = $1`, id);
  return row.secretSealed;
}

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE "${probe.table}" (id text PRIMARY KEY, "workspaceId" text NOT NULL, "secretSealed" text)`);
  for (const id of ids) {
    await db.$executeRawUnsafe(`INSERT INTO "${probe.table}" VALUES ($1, 'w1', $2)`, id, probe.seal({ id, workspaceId: "w1" }, `secret-${id}`, ring("old")));
  }
});

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${probe.table}"`);
});

describe("sealedColumnStore", () => {
  it("counts only rows its compare-and-swap changed, and a second pass finishes the job", async () => {
    const store = sealedColumnStore(probe);
    const replaced = probe.seal({ id: "b", workspaceId: "w1" }, "saved meanwhile", ring("old"));
    let saved = false;
    const report = await rotateAndRecheck({
      keyring,
      listBatch: async (after, limit) => {
        const rows = await store.listBatch(after, limit);
        // Someone saves row b between the rotation reading it and writing it back.
        if (!saved) await db.$executeRawUnsafe(`UPDATE "${probe.table}" SET "secretSealed" = $1 WHERE id = 'b'`, replaced);
        saved = true;
        return rows;
      },
      resealBatch: store.resealBatch,
    });

    expect(report).toMatchObject({ scanned: 3, resealed: 2, skipped: 1, stale: 1, anotherPass: true });
    expect(await value("b")).toBe(replaced);
    expect(probe.open({ id: "a", workspaceId: "w1" }, await value("a"), ring("new"))).toBe("secret-a");

    expect(await rotateAndRecheck({ keyring, ...store })).toMatchObject({ resealed: 1, skipped: 0, stale: 0, anotherPass: false });
    expect(probe.open({ id: "b", workspaceId: "w1" }, await value("b"), ring("new"))).toBe("saved meanwhile");
  });
});
