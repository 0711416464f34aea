export { VaultError, type VaultErrorCode } from "./errors";
export { secretHint } from "./hint";
export { generateKeyString, parseKeyring, type Keyring, type VaultKey } from "./keyring";
export { defaultKeyring, loadKeyring, type LoadKeyringOptions } from "./load-keyring";
export {
  rotateSealedValues,
  type ResealedRow,
  type RotateOptions,
  type RotationReport,
  type SealedRow,
} from "./rotate";
export { needsReseal, open, seal, type SealContext } from "./vault";
