import fs from "node:fs";

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid: number) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and everything it started, in MB. */
export function treeRssMb(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) pids.push(...childrenOf(pids[i]));
  return pids.reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

/** Samples a process tree's RSS until stopped: the first, peak and last readings. */
export function sampleRss(pid: number, everyMs = 500) {
  const samples: number[] = [treeRssMb(pid)];
  const timer = setInterval(() => samples.push(treeRssMb(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(treeRssMb(pid));
      return { startMb: samples[0], peakMb: Math.max(...samples), endMb: samples.at(-1) ?? 0 };
    },
  };
}
