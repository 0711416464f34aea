import { randomBytes } from "node:crypto";

/** Ids made before the insert, because a sealed secret is bound to the id of its row. */
export function newRecordId() {
  return `c${randomBytes(12).toString("hex")}`;
}
