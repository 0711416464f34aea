export { emailAddressSchema } from "./address";
export { EXPIRY_WARNING_DAYS } from "./configuration";
export { formatDiagnosis, formatIds, formatStep, STATUS_MARKS } from "./format";
export { USER_READ_ROLES } from "./permissions";
export { DEFAULT_TIMEOUT_MS, DEFAULT_TOTAL_TIMEOUT_MS, runConnectionTest } from "./run";
export { supportBundle, type SupportBundle, type SupportContext } from "./support-bundle";
export { freshTokenSource } from "./token";
export {
  STEP_NAMES,
  type ConnectionTestHooks,
  type ConnectionTestInput,
  type ConnectionTestResult,
  type DelegatedTokenSource,
  type StepDetails,
  type StepIds,
  type StepName,
  type StepRecord,
  type StepStatus,
  type TokenRequest,
  type TokenSource,
} from "./types";
