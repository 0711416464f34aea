import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layout's rules, checked on the source rather than remembered: no import circle inside lib/ (between
 * files, or between its folders), lib/ never reaches into app/ or components/, and the Microsoft layer
 * depends on nothing of the product's (its forms, database or jobs).
 */
const root = path.resolve(import.meta.dirname, "../..");
const lib = path.join(root, "lib");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

const files = sourceFiles(lib);
const imports = new Map(
  files.map((file) => {
    const text = fs.readFileSync(file, "utf8");
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1] ?? m[2] ?? m[3])).filter((t): t is string => t !== null);
    return [file, targets];
  }),
);

const relative = (file: string) => path.relative(root, file);
/** lib/<folder>/…, or the file itself for modules at lib/'s top level. */
const folderOf = (file: string) => relative(file).split(path.sep).slice(0, 2).join("/").replace(/\.tsx?$/, "");

/** Strongly connected groups of more than one node (Tarjan), each a circle of imports. */
function circles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, order.get(next)!));
      }
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return found;
}

function graph(key: (file: string) => string) {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of imports) {
    const from = key(file);
    for (const target of targets) {
      if (!target.startsWith(lib + path.sep) || target.includes(`${path.sep}generated${path.sep}`)) continue;
      const to = key(target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

describe("lib/", () => {
  it("has no import circle between files", () => {
    expect(circles(graph(relative))).toEqual([]);
  });

  it("has no import circle between its folders", () => {
    expect(circles(graph(folderOf))).toEqual([]);
  });

  it("never imports app/ or components/", () => {
    const outward = [...imports].flatMap(([file, targets]) =>
      targets.filter((t) => /^(app|components)\//.test(relative(t))).map((t) => `${relative(file)} -> ${relative(t)}`),
    );
    expect(outward).toEqual([]);
  });

  it("keeps the Microsoft layer free of the product: it imports only itself, formatting, logging and configuration", () => {
    const allowed = ["lib/microsoft", "lib/format", "lib/log", "lib/env"];
    const reaches = [...imports]
      .filter(([file]) => relative(file).startsWith("lib/microsoft/"))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => t.startsWith(root) && !t.includes("node_modules"))
          .filter((t) => !allowed.some((prefix) => relative(t) === `${prefix}.ts` || relative(t).startsWith(`${prefix}/`)))
          .map((t) => `${relative(file)} -> ${relative(t)}`),
      );
    expect(reaches).toEqual([]);
  });

  it("reads its imports (the checks above see the real graph)", () => {
    expect(files.length).toBeGreaterThan(100);
    const guard = imports.get(path.join(lib, "workspaces", "guard.ts"));
    expect(guard?.map(relative)).toContain("lib/db/client.ts");
  });
});
