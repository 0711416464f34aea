import type { Keyring } from "./keyring";
import { open, seal, type SealContext } from "./vault";

/**
 * One database column whose values are sealed by the vault. `table` and `field` are authenticated
 * with every stored value (see SealContext), so they keep their first spelling forever: renaming
 * the column changes `column` only, or what is stored stops opening.
 */
export interface SealedColumnSpec {
  /** The Prisma model, which is also the SQL table name and the context's table. */
  table: string;
  /** The primary key column; its value is the context's record id and the rotation's cursor. */
  id: string;
  /** The column holding the sealed value. */
  column: string;
  /** The column naming the row's workspace: "id" for Workspace itself. */
  workspace: string;
  /** The context's field. */
  field: string;
}

/** What places a row in its context: its id and workspace columns, under their own names. */
export type SealedRowKey<S extends SealedColumnSpec> = Readonly<Record<S["id"] | S["workspace"], string>>;

/**
 * Declared as methods, whose parameters TypeScript compares loosely, so that every column is also a
 * SealedColumn<SealedColumnSpec> and rotation can treat them alike. They never use `this`.
 */
export type SealedColumn<S extends SealedColumnSpec = SealedColumnSpec> = Readonly<S> & {
  context(row: SealedRowKey<S>): SealContext;
  seal(row: SealedRowKey<S>, plaintext: string, keyring?: Keyring): string;
  open(row: SealedRowKey<S>, sealed: string, keyring?: Keyring): string;
};

export function defineSealedColumn<const S extends SealedColumnSpec>(spec: S): SealedColumn<S> {
  const id: S["id"] = spec.id;
  const workspace: S["workspace"] = spec.workspace;
  const context = (row: SealedRowKey<S>): SealContext => ({ workspaceId: row[workspace], table: spec.table, recordId: row[id], field: spec.field });
  return {
    ...spec,
    context,
    seal: (row, plaintext, keyring) => seal(plaintext, context(row), keyring),
    open: (row, sealed, keyring) => open(sealed, context(row), keyring),
  };
}

/**
 * Every sealed column in the database, each declared once: the app seals and opens through these
 * entries, and `npm run keys:rotate` re-seals all of them. The rule, which lib/keys/rotate.test.ts
 * holds prisma/schema.prisma to: a column is sealed exactly when it is named `sealed` or its name
 * ends in `Sealed`, and every such column has an entry here.
 */
export const sealedColumns = {
  clientSecret: defineSealedColumn({ table: "AppRegistration", id: "id", column: "clientSecretSealed", workspace: "workspaceId", field: "clientSecret" }),
  tokenCache: defineSealedColumn({ table: "TokenCache", id: "appRegistrationId", column: "sealed", workspace: "workspaceId", field: "sealed" }),
  webhookSecret: defineSealedColumn({ table: "Workspace", id: "id", column: "webhookSecretSealed", workspace: "id", field: "webhookSecret" }),
  refreshToken: defineSealedColumn({ table: "Mailbox", id: "id", column: "refreshTokenSealed", workspace: "workspaceId", field: "refreshToken" }),
  codeVerifier: defineSealedColumn({ table: "OAuthState", id: "id", column: "codeVerifierSealed", workspace: "workspaceId", field: "codeVerifier" }),
  // A person belongs to no one workspace: the user's own id stands in for it, as Workspace's does for itself.
  totpSecret: defineSealedColumn({ table: "User", id: "id", column: "totpSecretSealed", workspace: "id", field: "totpSecret" }),
};
