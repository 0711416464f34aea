import { env as readEnv } from "@/lib/env";
import { CLOUDS } from "@/lib/microsoft/clouds";
import { formatDiagnosis, formatStep, runConnectionTest, type ConnectionTestResult } from "@/lib/microsoft/connection-check";
import { parseTestConnectionArgs } from "./test-connection-args";
import { EXIT, USAGE } from "./usage";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  appVersion: string;
}

const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

function closing(result: ConnectionTestResult): string[] {
  const requests = `${result.upstreamCalls} request${result.upstreamCalls === 1 ? "" : "s"}`;
  const timing = `${result.durationMs} ms (Microsoft: ${result.upstreamMs} ms over ${requests})`;
  const advice = result.steps.flatMap((step) =>
    step.status === "warning" && step.diagnosis ? ["", `Warning at ${step.name}:`, ...indent(formatDiagnosis(step.diagnosis))] : [],
  );
  const failure = result.steps.find((step) => step.status === "failed");
  if (!failure) return [...advice, "", `Passed in ${timing}.`];
  return [
    ...advice,
    "",
    `Failed at ${failure.name} after ${timing}.`,
    ...(failure.diagnosis ? indent(formatDiagnosis(failure.diagnosis)) : []),
  ];
}

/** `forge365 test-connection`: the dashboard's Test Connection, from a terminal, without a database. */
export async function testConnectionCommand(argv: string[], { env, out, appVersion }: CliIo): Promise<number> {
  const args = parseTestConnectionArgs(argv, env);
  if (args === "help") {
    out(USAGE);
    return EXIT.passed;
  }
  if (!args.json) {
    const mode = args.dryRun ? ", dry run" : "";
    out(`Testing ${args.mailbox} with app ${args.clientId} in tenant ${args.tenant} (${CLOUDS[args.cloud].label})${mode}\n\n`);
  }
  const result = await runConnectionTest(
    {
      cloud: args.cloud,
      tenant: args.tenant,
      clientId: args.clientId,
      clientSecret: args.clientSecret,
      mailbox: args.mailbox,
      to: args.to,
      dryRun: args.dryRun,
      workspaceName: args.workspace,
      sandboxUrl: args.sandboxUrl,
      bounceWindowMs: readEnv(env).BOUNCE_WAIT_SECONDS * 1000,
      appVersion,
    },
    { onStep: args.json ? undefined : (step) => out(`${formatStep(step)}\n`) },
  );
  out(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${closing(result).join("\n")}\n`);
  return result.outcome === "passed" ? EXIT.passed : EXIT.failed;
}
