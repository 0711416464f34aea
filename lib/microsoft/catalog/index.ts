export { catalogEntries, getEntry } from "./catalog";
export { diagnose } from "./diagnose";
export { DOCS } from "./docs";
export { ODATA_DISABLED } from "./entries/graph";
export { EXCESSIVE_PERMISSIONS, findExcessivePermissions, looksLikeSecretId } from "./permissions";
export { scrub } from "./scrub";
export { SEVERITIES, TEST_STEPS } from "./types";
export type {
  CatalogEntry,
  DiagnoseOptions,
  Diagnosis,
  DiagnosisIds,
  EntrySource,
  Severity,
  TestStep,
} from "./types";
