import { createLogger } from "./create-logger";
import { createOutput } from "./output";
import { logSettings } from "./settings";

const settings = logSettings();

export const output = createOutput(settings.output);

/** The logger for all server code; make children with `logger.child({ module: "..." })`. */
export const logger = createLogger({ level: settings.level, destination: output.destination });
