import { describe, expect, it } from "vitest";
import { bounceDiagnosis, readReport } from "./ndr";

/** An Exchange Online NDR as Graph returns its body: HTML, the diagnostic section, then the original headers. */
const ndrBody = (response: string) =>
  [
    "<html><body><p>Delivery has failed to these recipients or groups:</p>",
    "<p>oli@example.com (oli@example.com)<br>Your message wasn't delivered because the recipient's email provider rejected it.</p>",
    "<pre>Diagnostic information for administrators:\r\n\r\nGenerating server: DB5PR06MB1221.eurprd06.prod.outlook.com\r\n\r\noli@example.com\r\n",
    `Remote Server returned '${response}'\r\n\r\nOriginal message headers:\r\n\r\n`,
    "Received: from DB5PR06MB1063.eurprd06.prod.outlook.com (10.162.158.25) by\r\n DB5PR06MB1221.eurprd06.prod.outlook.com (10.162.156.11) with Microsoft SMTP\r\n",
    " Server id 15.20.841.15; Fri, 8 Jun 2018 10:20:24 +0000\r\nx-forge365-test-reference: 0A1B2C3D4E</pre></body></html>",
  ].join("");

describe("reading a non-delivery report", () => {
  it.each([
    ["550 5.7.705 Access denied, tenant has exceeded threshold", "5.7.705", "NDR_5.7.705"],
    ["550 5.7.708 Access denied, traffic not accepted from this IP", "5.7.708", "NDR_5.7.708"],
    ["550 5.1.8 Access denied, bad outbound sender", "5.1.8", "NDR_5.1.8"],
    ["550 5.7.1 Delivery not authorized, message refused", "5.7.1", "TEST_MAIL_BOUNCED"],
  ])("finds '%s' and gives the catalog's advice for it", (response, statusCode, code) => {
    const report = readReport("Undeliverable: forge365 connection test (ref 0A1B2C3D4E)", "2026-12-02T11:00:00Z", ndrBody(response));
    expect(report).toMatchObject({ statusCode, reason: `Remote Server returned '${response}'` });
    expect(bounceDiagnosis(report)).toMatchObject({ code, step: "send", known: true, rawMessage: `Remote Server returned '${response}'` });
  });

  it("takes no version number or address of the quoted headers for a status code", () => {
    const report = readReport("Undeliverable: x", null, ndrBody("Delivery failed"));
    expect(report.statusCode).toBeNull();
    expect(bounceDiagnosis(report).code).toBe("TEST_MAIL_BOUNCED");
  });

  it("falls back to the subject when the body cannot be read (Mail.ReadBasic)", () => {
    const report = readReport("Undeliverable: forge365 connection test (ref 0A1B2C3D4E)", null, null);
    expect(report).toMatchObject({ statusCode: null, reason: null });
    expect(bounceDiagnosis(report)).toMatchObject({ code: "TEST_MAIL_BOUNCED", rawMessage: "Undeliverable: forge365 connection test (ref 0A1B2C3D4E)" });
  });
});
