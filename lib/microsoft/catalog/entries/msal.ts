import { DOCS } from "../docs";
import type { CatalogEntry } from "../types";
import { definer } from "./define";

const msal = definer("msal");

/** Errors MSAL raises on our side, before or without an answer from Microsoft. */
export const msalEntries: readonly CatalogEntry[] = [
  msal("network_error", "token", {
    title: "forge365 could not reach Microsoft",
    cause:
      "The request to Microsoft's sign-in service got no answer: no outbound internet from the forge365 server, a " +
      "DNS failure, a firewall or proxy blocking Microsoft's hosts, or a timeout.",
    fix:
      "From the forge365 server, check that https://login.microsoftonline.com and https://graph.microsoft.com (or " +
      "your national cloud's equivalents) can be reached through any proxy or firewall, then test again.",
    docsUrl: DOCS.msalErrors,
    retryable: true,
    anyStep: true,
  }),
];

/** MSAL's client-side codes that mean the same as an entry elsewhere in the catalog. */
export const msalAliases: Readonly<Record<string, string>> = {
  no_network_connectivity: "network_error",
  state_mismatch: "STATE_INVALID",
  state_not_found: "STATE_INVALID",
  invalid_state: "STATE_INVALID",
  no_tokens_found: "REFRESH_TOKEN_MISSING",
  refresh_token_expired: "AADSTS700082",
  login_required: "interaction_required",
  consent_required: "interaction_required",
  bad_token: "interaction_required",
};
