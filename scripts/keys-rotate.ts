import "./env-file";
import { defaultKeyring } from "@/lib/crypto";
import { env } from "@/lib/env";
import { rotateAllSealedValues } from "@/lib/keys/rotate";
import { refuseHalfConfigured } from "./refuse-half-configured";
import { runWithDatabase } from "./with-database";

const HEADINGS = ["scanned", "resealed", "skipped", "current", "stale", "failed"];

const tableRow = (label: string, cells: Array<string | number>) =>
  label.padEnd(34) + cells.map((cell, index) => String(cell).padStart(HEADINGS[index].length + 2)).join("");

refuseHalfConfigured(env());

/** `npm run keys:rotate`: re-seal every stored secret with the first key of ENCRYPTION_KEYS. */
runWithDatabase(async () => {
  const keyring = defaultKeyring();
  console.log(`Re-sealing with key "${keyring.primary.id}" (${keyring.keys.size} key(s) in ENCRYPTION_KEYS).`);
  const reports = await rotateAllSealedValues({ keyring });
  let failed = 0;
  console.log(tableRow("column", HEADINGS));
  for (const [column, r] of Object.entries(reports)) {
    failed += r.failed;
    console.log(tableRow(column, [r.scanned, r.resealed, r.skipped, r.alreadyCurrent, r.stale, r.failed]));
    for (const f of r.failures) console.log(`  could not open ${f.context.table} ${f.context.recordId} (${f.code})`);
  }
  if (failed) console.log("Values that could not be opened were left as they are: keep their key in ENCRYPTION_KEYS.");
  if (Object.values(reports).some((r) => r.anotherPass)) {
    console.log(
      "Some values changed during the pass (skipped) or are still sealed with an older key (stale): run `npm run keys:rotate` again before removing an old key.",
    );
  }
  return failed ? 1 : 0;
});
