import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const lib = path.resolve(import.meta.dirname, "../../lib");
// Prisma's generated client mentions the variable in its doc comments; nothing there reads it.
const generated = path.join(lib, "db", "generated");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === generated ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

it("reads the environment in lib/ only through lib/env.ts", () => {
  const readers = sourceFiles(lib)
    .filter((file) => file !== path.join(lib, "env.ts") && fs.readFileSync(file, "utf8").includes("process.env"))
    .map((file) => path.relative(path.dirname(lib), file));
  expect(readers, "use env() from lib/env.ts instead of process.env in these files").toEqual([]);
});
