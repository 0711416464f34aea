import { parseArgs } from "node:util";
import { z } from "zod";
import { CLOUD_IDS, type CloudId } from "@/lib/microsoft/clouds";
import { emailAddressSchema } from "@/lib/microsoft/connection-check";
import { clientIdSchema, tenantSchema } from "@/lib/microsoft/identifiers";
import { displayName } from "@/lib/validation/text";
import { UsageError } from "./usage";

const OPTIONS = {
  tenant: { type: "string" },
  "client-id": { type: "string" },
  "client-secret-env": { type: "string" },
  mailbox: { type: "string" },
  to: { type: "string" },
  cloud: { type: "string", default: "global" },
  "dry-run": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  workspace: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Field names as the user typed them, for messages. */
const FLAGS: Record<string, string> = {
  tenant: "--tenant",
  clientId: "--client-id",
  secretEnv: "--client-secret-env",
  mailbox: "--mailbox",
  to: "--to",
  cloud: "--cloud",
  workspace: "--workspace",
};

const argsSchema = z
  .object({
    tenant: tenantSchema,
    clientId: clientIdSchema,
    secretEnv: z
      .string({ error: "Name the environment variable that holds the client secret." })
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Give the environment variable's name (like M365_CLIENT_SECRET), not its value."),
    mailbox: emailAddressSchema("mailbox"),
    to: emailAddressSchema("recipient").optional(),
    cloud: z.enum(CLOUD_IDS, { error: `Choose one of ${CLOUD_IDS.join(", ")}.` }),
    dryRun: z.boolean(),
    json: z.boolean(),
    workspace: displayName("workspace name").optional(),
  })
  .refine((args) => args.dryRun || args.to, { path: ["to"], message: "Name the recipient of the test message, or pass --dry-run." });

function readFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export interface TestConnectionArgs {
  tenant: string;
  clientId: string;
  clientSecret: string;
  mailbox: string;
  to?: string;
  cloud: CloudId;
  sandboxUrl?: string;
  dryRun: boolean;
  json: boolean;
  workspace?: string;
}

/**
 * Reads and validates the command line. The secret comes only from the environment: a value on the command
 * line would stay in shell history and be readable by every user through the process list.
 */
export function parseTestConnectionArgs(argv: string[], env: NodeJS.ProcessEnv): TestConnectionArgs | "help" {
  if (argv.some((arg) => /^--client-secret(=|$)/.test(arg))) {
    throw new UsageError(
      "--client-secret is not accepted: a secret on the command line ends up in shell history and process lists. " +
        "Put it in an environment variable and pass the variable's name, e.g. --client-secret-env M365_CLIENT_SECRET.",
    );
  }
  const values = readFlags(argv);
  if (values.help) return "help";

  const parsed = argsSchema.safeParse({
    tenant: values.tenant,
    clientId: values["client-id"],
    secretEnv: values["client-secret-env"],
    mailbox: values.mailbox,
    to: values.to,
    cloud: values.cloud,
    dryRun: values["dry-run"],
    json: values.json,
    workspace: values.workspace,
  });
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => FLAGS[String(path[0])] ?? path.join(".");
    throw new UsageError(parsed.error.issues.map((issue) => `${flag(issue.path)}: ${issue.message}`).join("\n"));
  }
  const { secretEnv, ...args } = parsed.data;

  const clientSecret = env[secretEnv];
  if (!clientSecret?.trim()) {
    throw new UsageError(`The environment variable ${secretEnv} is not set or is empty; put the client secret's Value in it.`);
  }
  const sandboxUrl = args.cloud === "sandbox" ? env.M365_SANDBOX_URL : undefined;
  if (args.cloud === "sandbox" && !sandboxUrl) {
    throw new UsageError("--cloud sandbox needs M365_SANDBOX_URL, the sandbox's address (e.g. http://127.0.0.1:4010).");
  }
  return { ...args, clientSecret, sandboxUrl };
}
