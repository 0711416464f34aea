import { z } from "zod";
import { looksLikeSecretId } from "./catalog/permissions";

/**
 * What Microsoft accepts as a tenant, a client ID and a client secret, with the Entra admin center's own
 * words in each message. The Microsoft layer checks a connection with these before asking Entra anything;
 * the product's forms and the CLI build on them.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const tenantSchema = z
  .string({ error: "Enter the Directory (tenant) ID." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the Directory (tenant) ID, or the tenant's domain such as contoso.onmicrosoft.com.")
  .refine(
    (v) => GUID.test(v) || DOMAIN.test(v),
    "Enter the Directory (tenant) ID (a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47) or a verified domain like contoso.onmicrosoft.com.",
  );

export const clientIdSchema = z
  .string({ error: "Enter the Application (client) ID." })
  .trim()
  .toLowerCase()
  .min(1, "Enter the Application (client) ID.")
  .regex(GUID, "The Application (client) ID is a GUID like 00001111-aaaa-2222-bbbb-3333cccc4444, on the app's Overview page.");

export const SECRET_ID_MESSAGE = "This looks like the Secret ID; paste the secret's Value";

export const clientSecretSchema = z
  .string({ error: "Paste the client secret's Value." })
  .trim()
  .min(1, "Paste the client secret's Value.")
  .max(512, "A client secret has at most 512 characters; paste only the Value.")
  .refine((v) => !looksLikeSecretId(v), SECRET_ID_MESSAGE)
  .refine((v) => !/\s/.test(v), "A client secret has no spaces; paste only the Value.");
