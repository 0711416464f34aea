import fs from "node:fs";
import path from "node:path";
import { appDir } from "./app-server";

/** The id Next gave a server action in this build, found by its export name. */
export function actionId(exportName: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportName)?.[0];
  if (!id) throw new Error(`no server action named ${exportName} in this build`);
  return id;
}

/**
 * Calls a form's server action over HTTP as the browser does: a POST to the page with the action's
 * id in `Next-Action`, and React's encoding of `(previousState, formData)` as multipart fields.
 */
export async function callAction(options: { url: string; page: string; id: string; cookie: string; fields: Record<string, string> }) {
  const body = new FormData();
  for (const [key, value] of Object.entries(options.fields)) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(`${options.url}${options.page}`, {
    method: "POST",
    headers: { "Next-Action": options.id, cookie: options.cookie, origin: options.url, accept: "text/x-component" },
    body,
  });
  const text = await response.text();
  return { status: response.status, ok: response.ok && text.includes('"ok":true'), text };
}
