import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { printTable } from "./stats";

type Row = Record<string, string | number>;

/**
 * What a benchmark found: each table is printed as it is measured, and the whole run is written to
 * bench/results/<name>.json with the machine it ran on, so figures can be compared between runs.
 */
export class Report {
  private readonly tables: Array<{ title: string; rows: Row[] }> = [];
  private readonly startedAt = new Date();

  constructor(readonly name: string) {}

  table(title: string, rows: Row[]) {
    printTable(title, rows);
    this.tables.push({ title, rows });
  }

  note(text: string) {
    console.log(`\n${text}`);
    this.tables.push({ title: text, rows: [] });
  }

  save(parameters: Record<string, unknown> = {}) {
    const dir = path.join(import.meta.dirname, "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${this.name}.json`);
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
    fs.writeFileSync(file, `${JSON.stringify({ name: this.name, startedAt: this.startedAt, finishedAt: new Date(), machine, parameters, tables: this.tables }, null, 2)}\n`);
    console.log(`\nResults: ${path.relative(process.cwd(), file)}`);
  }
}
