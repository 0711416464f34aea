import fs from "node:fs";
import path from "node:path";

/**
 * Every page and route handler of the app, found on disk, with each dynamic segment filled from
 * `ids` by its name ([slug] → ids.slug, [...nextauth] → ids["...nextauth"]). A new dynamic segment
 * without an id fails loudly, so a new route cannot slip out of a sweep.
 */
export function appRoutes(ids: Record<string, string>, dir = path.resolve("app"), prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const dynamic = /^\[(.+)\]$/.exec(entry.name)?.[1];
      if (dynamic && !(dynamic in ids)) throw new Error(`no id for the dynamic segment [${dynamic}] under ${prefix || "/"}`);
      const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${dynamic ? ids[dynamic] : entry.name}`;
      return appRoutes(ids, path.join(dir, entry.name), prefix + segment);
    }
    return /^(page|route)\.tsx?$/.test(entry.name) ? [prefix || "/"] : [];
  });
}
