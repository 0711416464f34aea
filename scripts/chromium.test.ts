import { describe, expect, it } from "vitest";
import { type ChromiumChoice, chooseChromium, DEBIAN_CHROMIUM } from "./chromium";

const DOWNLOADED = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

function choose(configured: string | undefined, present: string[]) {
  return chooseChromium({ configured, downloaded: DOWNLOADED, exists: (path) => present.includes(path) });
}

function problem(choice: ChromiumChoice) {
  return choice.ok ? undefined : choice.message;
}

describe("chooseChromium", () => {
  it("takes CHROMIUM_PATH over every other browser", () => {
    expect(choose("/opt/chrome", ["/opt/chrome", DEBIAN_CHROMIUM, DOWNLOADED])).toEqual({ ok: true, path: "/opt/chrome" });
  });

  it("refuses a CHROMIUM_PATH that does not exist instead of falling back", () => {
    expect(problem(choose("/opt/typo", [DEBIAN_CHROMIUM, DOWNLOADED]))).toMatch(/^CHROMIUM_PATH=\/opt\/typo does not exist: /);
  });

  it("prefers Debian's Chromium to Playwright's download", () => {
    expect(choose(undefined, [DEBIAN_CHROMIUM, DOWNLOADED])).toEqual({ ok: true, path: DEBIAN_CHROMIUM });
  });

  it("uses Playwright's download when Debian's is missing", () => {
    expect(choose(undefined, [DOWNLOADED])).toEqual({ ok: true, path: DOWNLOADED });
  });

  it("without any browser, says in one line how to get one", () => {
    const message = problem(choose(undefined, []));
    expect(message).toBeDefined();
    expect(message).not.toContain("\n");
    for (const way of ["apt-get install chromium", "npx playwright install chromium", "CHROMIUM_PATH"]) expect(message).toContain(way);
  });
});
