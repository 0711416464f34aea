import { defaultKeyring } from "@/lib/crypto";
import { rotateAllSealedValues } from "@/lib/keys/rotate";
import { runWithDatabase } from "./with-database";

/** `npm run keys:rotate`: re-seal every stored secret with the first key of ENCRYPTION_KEYS. */
runWithDatabase(async () => {
  const keyring = defaultKeyring();
  console.log(`Re-sealing with key "${keyring.primary.id}" (${keyring.keys.size} key(s) in ENCRYPTION_KEYS).`);
  const reports = await rotateAllSealedValues({ keyring });
  let failed = 0;
  console.log("column                              scanned  resealed  current  failed");
  for (const [column, r] of Object.entries(reports)) {
    failed += r.failed;
    console.log(`${column.padEnd(34)} ${String(r.scanned).padStart(8)} ${String(r.resealed).padStart(9)} ${String(r.alreadyCurrent).padStart(8)} ${String(r.failed).padStart(7)}`);
    for (const f of r.failures) console.log(`  could not open ${f.context.table} ${f.context.recordId} (${f.code})`);
  }
  if (failed) console.log("Values that could not be opened were left as they are: keep their key in ENCRYPTION_KEYS.");
  return failed ? 1 : 0;
});
