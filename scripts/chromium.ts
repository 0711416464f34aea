import fs from "node:fs";
import { chromium } from "@playwright/test";

/** Where Debian's package (and so the CI) installs Chromium. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

const HOW_TO_GET_ONE = "run `apt-get install chromium` or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary";

export type ChromiumChoice = { ok: true; path: string } | { ok: false; message: string };

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's, else the one
 * `npx playwright install` downloaded. A CHROMIUM_PATH that is missing is an error rather than a
 * reason to pick another browser, so a typo never silently tests against a different one.
 */
export function chooseChromium({
  configured,
  downloaded,
  exists,
}: {
  configured: string | undefined;
  downloaded: string;
  exists: (path: string) => boolean;
}): ChromiumChoice {
  if (configured) {
    return exists(configured) ? { ok: true, path: configured } : { ok: false, message: `CHROMIUM_PATH=${configured} does not exist: ${HOW_TO_GET_ONE}.` };
  }
  const found = [DEBIAN_CHROMIUM, downloaded].find(exists);
  return found ? { ok: true, path: found } : { ok: false, message: `No Chromium for the browser tests: ${HOW_TO_GET_ONE}.` };
}

/** This machine's Chromium for the browser tests; without one, says how to get it and exits. */
export function chromiumOrExit() {
  const choice = chooseChromium({ configured: process.env.CHROMIUM_PATH, downloaded: chromium.executablePath(), exists: fs.existsSync });
  if (choice.ok) return choice.path;
  console.error(choice.message);
  process.exit(1);
}
