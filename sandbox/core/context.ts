import type { SigningKeys } from "./keys";
import type { SandboxState } from "./state";

export interface SandboxContext {
  state: SandboxState;
  keys: SigningKeys;
}
