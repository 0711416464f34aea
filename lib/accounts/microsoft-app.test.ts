import { expect, it } from "vitest";
import { Cloud } from "@/lib/db/generated/prisma/enums";
import { CLOUD_IDS } from "@/lib/microsoft/clouds";
import { cloudIdOf, microsoftApp, STORED_CLOUDS } from "./microsoft-app";
import { sealClientSecret } from "./client-secret";

it("stores exactly the clouds the Microsoft layer knows, under the database enum's names", () => {
  expect([...STORED_CLOUDS].sort()).toEqual(Object.values(Cloud).sort());
  expect(STORED_CLOUDS.map(cloudIdOf)).toEqual(CLOUD_IDS);
});

it("hands the Microsoft layer the stored secret, a replacement being tried, or null when the vault cannot open it", () => {
  const row = { id: "r1", workspaceId: "w1", cloud: "USGOV" as const, tenant: "contoso.onmicrosoft.com", clientId: "00001111-aaaa-2222-bbbb-3333cccc4444" };
  const { clientSecretSealed } = sealClientSecret("w1", "r1", "stored~secret");
  expect(microsoftApp({ ...row, clientSecretSealed })).toMatchObject({ cloud: "usgov", tenant: row.tenant, clientId: row.clientId, clientSecret: "stored~secret" });
  expect(microsoftApp({ ...row, clientSecretSealed }, "new~secret").clientSecret).toBe("new~secret");
  // Sealed for another row: it must not open here.
  expect(microsoftApp({ ...row, id: "r2", clientSecretSealed }).clientSecret).toBeNull();
});
