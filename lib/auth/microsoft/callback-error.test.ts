import { describe, expect, it } from "vitest";
import { getEntry } from "@/lib/microsoft/catalog";
import { microsoftCallbackErrorRedirect, microsoftSignInDiagnosis } from "./callback-error";
import { microsoftSignInMessage } from "./messages";

const CALLBACK = "https://forge365.example.com/api/auth/callback/microsoft-entra-id";

/** Microsoft's error response at the redirect URI, as the sandbox and Entra send it. */
function answer(error: string | undefined, description?: string, path = CALLBACK) {
  const url = new URL(path);
  url.searchParams.set("state", "st");
  if (error) url.searchParams.set("error", error);
  if (description !== undefined) url.searchParams.set("error_description", description);
  return microsoftCallbackErrorRedirect(url);
}

const described = (code: string) =>
  `AADSTS${code}: Microsoft's sentence.\r\nTrace ID: 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\r\nCorrelation ID: 1a2b3c4d-5e6f-4a8b-9cad-bef012345678\r\nTimestamp: 2026-12-02 14:56:33Z`;

/** Where an answer lands, and the message the sign-in page then shows. */
function shown(location: string | undefined) {
  const params = new URL(location!, "https://forge365.example.com").searchParams;
  return { diagnosis: microsoftSignInDiagnosis(params.get("microsoft")), message: microsoftSignInMessage(params.get("microsoft"), params.get("error")) };
}

describe("Microsoft's error at the sign-in redirect URI", () => {
  it("passes on each refusal the catalog knows as its AADSTS code, for the catalog's advice", () => {
    for (const code of ["65004", "50020", "50105", "65001"]) {
      const location = answer("access_denied", described(code));
      expect(location).toBe(`/sign-in?microsoft=AADSTS${code}`);
      expect(shown(location).diagnosis).toMatchObject({ code: `AADSTS${code}`, known: true, title: getEntry(`AADSTS${code}`)!.title });
    }
  });

  it("leaves a code the catalog does not know, or no code at all, to the generic message", () => {
    const generic = microsoftSignInMessage(null, "OAuthCallbackError");
    for (const location of [answer("access_denied", described("99999999")), answer("access_denied"), answer("server_error", "Try later.")]) {
      expect(location).toBe("/sign-in?error=OAuthCallbackError");
      expect(shown(location)).toEqual({ diagnosis: undefined, message: generic });
    }
  });

  it("never carries Microsoft's text, or anything else from the URL, to the page", () => {
    for (const description of ['<img src=x onerror="alert(1)">AADSTS65004', "AADSTS65004</p><script>x</script>", "AADSTS 65004: spaced"]) {
      const location = answer("access_denied", description);
      expect(location).toMatch(/^\/sign-in\?(microsoft=AADSTS\d+|error=OAuthCallbackError)$/);
    }
    for (const forged of ["AADSTS65004<script>", "AADSTS65004 ", "65004", "aadsts65004", "access_denied", "AADSTS", ["AADSTS65004"], undefined]) {
      expect(microsoftSignInDiagnosis(forged)).toBeUndefined();
    }
  });

  it("leaves every other request to Auth.js: a successful answer, and other providers' callbacks", () => {
    expect(answer(undefined)).toBeUndefined();
    expect(answer("access_denied", described("65004"), "https://forge365.example.com/api/auth/callback/credentials")).toBeUndefined();
    expect(answer("access_denied", described("65004"), "https://forge365.example.com/api/auth/signin/microsoft-entra-id")).toBeUndefined();
  });
});
