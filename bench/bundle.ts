import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { appDir, buildApp } from "./app-server";
import { Report } from "./report";

/**
 * `npm run bench:bundle`: the JavaScript a browser downloads to show each page for the first time,
 * gzipped as a server would send it. Read from the build's own manifests: the runtime every page
 * loads (rootMainFiles), plus the chunks the route's client reference manifest names for its
 * layouts and page. Boundaries (not-found, error) load only when shown, and polyfills only in
 * browsers without modules, so neither counts; the page's HTML names exactly these scripts.
 * CSS is shown beside it.
 */
const dist = path.join(appDir, ".next");
const report = new Report("bundle");

function gzippedKb(files: Iterable<string>) {
  let total = 0;
  for (const file of files) total += gzipSync(fs.readFileSync(path.join(dist, file))).length;
  return total / 1024;
}

interface ClientManifest {
  entryJSFiles: Record<string, string[]>;
  entryCSSFiles: Record<string, Array<{ path: string; inlined: boolean }>>;
}

function clientManifest(entry: string): ClientManifest {
  const file = path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`);
  const context = { globalThis: { __RSC_MANIFEST: {} as Record<string, ClientManifest> } };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), context);
  return context.globalThis.__RSC_MANIFEST[entry];
}

await buildApp();
const routes = JSON.parse(fs.readFileSync(path.join(dist, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
const { rootMainFiles } = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const shared = gzippedKb(rootMainFiles);
const rows = Object.entries(routes)
  .filter(([entry]) => entry.endsWith("/page") && !entry.includes("/_"))
  .map(([entry, route]) => {
    const manifest = clientManifest(entry);
    const rendered = (key: string) => /\/(layout|template|page)$/.test(key);
    const routeJs = new Set(Object.entries(manifest.entryJSFiles).flatMap(([key, files]) => (rendered(key) ? files : [])).filter((f) => !rootMainFiles.includes(f)));
    const css = new Set(Object.entries(manifest.entryCSSFiles).flatMap(([key, files]) => (rendered(key) ? files : [])).filter((f) => !f.inlined).map((f) => f.path));
    const own = gzippedKb(routeJs);
    return { route, "first-load JS kB": shared + own, "route's own JS kB": own, "CSS kB": gzippedKb(css) };
  })
  .sort((a, b) => a.route.localeCompare(b.route));
report.table(`First-load JavaScript per page, gzipped (shared runtime ${shared.toFixed(1)} kB included)`, rows);
report.save({ appDir });
