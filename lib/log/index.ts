export { createLogger, type CreateLoggerOptions, type LogDestination, type Logger } from "./create-logger";
export { logError } from "./log-error";
export { logger } from "./logger";
export { scrubText } from "./scrub";
