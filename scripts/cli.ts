import { APP_VERSION } from "@/lib/app-version";
import { scrub } from "@/lib/microsoft/catalog";
import { testConnectionCommand } from "./cli/test-connection";
import { EXIT, USAGE, UsageError } from "./cli/usage";

const COMMANDS: Record<string, typeof testConnectionCommand> = { "test-connection": testConnectionCommand };

/** The forge365 command line; run through bin/forge365.mjs. Returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const out = (text: string) => process.stdout.write(text);
  if (!name) {
    process.stderr.write(USAGE);
    return EXIT.usage;
  }
  if (name === "help" || name === "--help" || name === "-h") {
    out(USAGE);
    return EXIT.passed;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    return await command(rest, { env: process.env, out, appVersion: APP_VERSION });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`forge365: ${err.message}\nRun "forge365 --help" for usage.\n`);
    return EXIT.usage;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // The pipeline reports Microsoft's failures as results, so this is a bug; its message still passes the scrub.
  process.stderr.write(`forge365: unexpected error: ${scrub(err instanceof Error ? err.message : String(err))}\n`);
  process.exitCode = EXIT.failed;
}
