import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rotatedColumns } from "./rotate";

/** The registry's rule (lib/crypto/sealed-columns.ts): a column is sealed exactly when it is named so. */
const SEALED_NAME = /^sealed$|Sealed$/;

interface Model {
  fields: Map<string, { type: string; attributes: string }>;
  /** Lines such as @@index(...) or @@map(...). */
  blockAttributes: string[];
}

function schemaModels(): Map<string, Model> {
  const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const models = new Map<string, Model>();
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const model: Model = { fields: new Map(), blockAttributes: [] };
    for (const line of body.split("\n").map((text) => text.trim())) {
      if (line.startsWith("@@")) model.blockAttributes.push(line);
      const field = /^(\w+)\s+(\w+\??(?:\[\])?)\s*(.*)$/.exec(line);
      if (field) model.fields.set(field[1], { type: field[2], attributes: field[3] });
    }
    models.set(name, model);
  }
  return models;
}

describe("keys:rotate's columns", () => {
  const models = schemaModels();

  it("are exactly the schema's columns named `sealed` or ending in `Sealed`, so none is left under an old key", () => {
    const named = [...models].flatMap(([model, { fields }]) => [...fields.keys()].filter((name) => SEALED_NAME.test(name)).map((name) => `${model}.${name}`));
    expect(named.length).toBeGreaterThan(0);
    expect(rotatedColumns.map((c) => `${c.table}.${c.column}`).sort()).toEqual(named.sort());
  });

  it.each(rotatedColumns)("$table.$column is a text column the rotation's SQL can page by primary key", (column) => {
    const { fields, blockAttributes } = models.get(column.table)!;
    expect(fields.get(column.column)?.type).toMatch(/^String\??$/);
    expect(fields.get(column.id)).toMatchObject({ type: "String", attributes: expect.stringMatching(/@id\b/) });
    expect(fields.get(column.workspace)?.type).toBe("String");
    // The SQL names tables and columns as the schema's models and fields, which @map and @@map would change.
    expect(blockAttributes.filter((line) => line.startsWith("@@map"))).toEqual([]);
    for (const name of [column.id, column.column, column.workspace]) expect(fields.get(name)?.attributes).not.toContain("@map");
  });
});
