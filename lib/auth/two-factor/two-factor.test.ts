import { createHash } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { defaultKeyring } from "@/lib/crypto";
import { sealedColumns } from "@/lib/crypto/sealed-columns";
import { db } from "@/lib/db/client";
import { rotateAllSealedValues } from "@/lib/keys/rotate";
import { createUser, createWorkspace, TEST_PASSWORD } from "@/tests/helpers/factories";
import { MAX_FAILURES_PER_ACCOUNT } from "../login-attempts";
import { confirmEnrolment, regenerateRecoveryCodes, turnOffTwoFactor, twoFactorState } from "./enrolment";
import { checkSignInCode, verifySecondFactor } from "./second-factor";
import { totpStep } from "./totp";

const codeAt = (secret: string, step: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 });
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;

async function claimant() {
  const user = await createUser("totp");
  return { id: user.id, email: user.email, ipAddress: ip() };
}

async function pendingSecret(userId: string) {
  const state = await twoFactorState(userId);
  if (state.enabled) throw new Error("already enabled");
  return state.pendingSecret;
}

/** A person with two-factor on, enrolled with the code of the current step. */
async function enrolled() {
  const who = await claimant();
  const secret = await pendingSecret(who.id);
  const step = totpStep();
  const result = await confirmEnrolment(who, { password: TEST_PASSWORD, code: codeAt(secret, step) });
  if (!result.ok) throw new Error(`enrolment failed: ${result.reason}`);
  return { who, secret, step, recoveryCodes: result.data.recoveryCodes };
}

describe("enrolment", () => {
  it("keeps the secret sealed at rest, and the same one until it is confirmed", async () => {
    const who = await claimant();
    const secret = await pendingSecret(who.id);
    const [raw] = await db.$queryRaw<{ totpSecretSealed: string }[]>`SELECT "totpSecretSealed" FROM "User" WHERE id = ${who.id}`;
    expect(raw.totpSecretSealed).not.toContain(secret);
    expect(raw.totpSecretSealed).not.toContain(Buffer.from(Secret.fromBase32(secret).bytes).toString("base64"));
    expect(sealedColumns.totpSecret.open({ id: who.id }, raw.totpSecretSealed)).toBe(secret);
    expect(await pendingSecret(who.id)).toBe(secret);
  });

  it("turns on only with the password and a current code, and changes nothing otherwise", async () => {
    const who = await claimant();
    const secret = await pendingSecret(who.id);
    const code = codeAt(secret, totpStep());
    expect(await confirmEnrolment(who, { password: "not the password", code })).toEqual({ ok: false, reason: "wrong_password" });
    expect(await confirmEnrolment(who, { password: TEST_PASSWORD, code: codeAt(secret, totpStep() - 2) })).toEqual({ ok: false, reason: "invalid_code" });
    expect(await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpEnabledAt: true, totpLastStep: true } })).toEqual({ totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: who.id } })).toBe(0);

    const result = await confirmEnrolment(who, { password: TEST_PASSWORD, code });
    expect(result.ok).toBe(true);
    expect(await twoFactorState(who.id)).toMatchObject({ enabled: true, unusedRecoveryCodes: 10 });
  });

  it("gives ten distinct recovery codes of 60 random bits and stores only a salted SHA-256 of each", async () => {
    const { who, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: who.id }, select: { codeHash: true } });
    // ASVS 4.0 2.6.2: look-up secrets under 112 bits are hashed with a unique random 32-bit salt.
    const salts = stored.map((r) => r.codeHash.split("$")[0]);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(salts).size).toBe(10);
    const salted = (salt: string, code: string) => `${salt}$${createHash("sha256").update(`${salt}:${code.replaceAll("-", "")}`).digest("hex")}`;
    for (const code of recoveryCodes) expect(stored.some((r) => r.codeHash === salted(r.codeHash.split("$")[0], code))).toBe(true);
    const everything = JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: who.id }, include: { recoveryCodes: true } }));
    for (const code of recoveryCodes) expect(everything).not.toContain(code.replaceAll("-", ""));
  });
});

describe("key rotation", () => {
  it("re-seals the secret under the new key, and the app's codes still work", async () => {
    const { who, secret, step } = await enrolled();
    const current = defaultKeyring();
    const [first, next] = [...current.keys.values()];
    const report = await rotateAllSealedValues({ keyring: { primary: next, keys: current.keys } });
    expect(report["User.totpSecretSealed"].resealed).toBeGreaterThanOrEqual(1);
    const { totpSecretSealed } = await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpSecretSealed: true } });
    expect(totpSecretSealed!.split(".")[1]).toBe(next.id);
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 1))).toEqual({ ok: true, method: "totp" });
    await rotateAllSealedValues({ keyring: { primary: first, keys: current.keys } });
  });
});

describe("a code from the app", () => {
  it("is accepted once: the same code again is refused, even in the same window", async () => {
    const { who, secret, step } = await enrolled();
    const next = codeAt(secret, step + 1);
    expect(await verifySecondFactor(who.id, next)).toEqual({ ok: true, method: "totp" });
    expect(await verifySecondFactor(who.id, next)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is refused when it is the enrolment's own code, or an earlier step's than the last accepted", async () => {
    const { who, secret, step } = await enrolled();
    expect(await verifySecondFactor(who.id, codeAt(secret, step))).toEqual({ ok: false, reason: "invalid" });
    const later = new Date((step + 1) * 30_000);
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 2), later)).toEqual({ ok: true, method: "totp" });
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 1), later)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is accepted one step either side of now and refused two steps away", async () => {
    const { who, secret, step } = await enrolled();
    const at = (s: number) => new Date(s * 30_000 + 15_000);
    // Each check moves now on, so every accepted step is later than the one before.
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 10 - 2), at(step + 10))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 10 - 1), at(step + 10))).toEqual({ ok: true, method: "totp" });
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 20 + 2), at(step + 20))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySecondFactor(who.id, codeAt(secret, step + 20 + 1), at(step + 20))).toEqual({ ok: true, method: "totp" });
  });

  it("submitted twice at once signs in once", async () => {
    const { who, secret, step } = await enrolled();
    const code = codeAt(secret, step + 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => verifySecondFactor(who.id, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("is limited like passwords: after 5 wrong codes even the right one waits", async () => {
    const { who, secret, step } = await enrolled();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await checkSignInCode(who, "000000")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await checkSignInCode(who, codeAt(secret, step + 1))).toMatchObject({ ok: false, reason: "rate_limited", retryAfterMinutes: 15 });
    expect(await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpLastStep: true } })).toEqual({ totpLastStep: step });
  });
});

describe("a recovery code", () => {
  it("works once, in any case and with or without dashes, and says how many are left", async () => {
    const { who, recoveryCodes } = await enrolled();
    expect(await checkSignInCode(who, recoveryCodes[0].toUpperCase().replaceAll("-", " "))).toEqual({ ok: true, method: "recovery_code", remainingRecoveryCodes: 9 });
    expect(await checkSignInCode(who, recoveryCodes[0])).toEqual({ ok: false, reason: "invalid" });
    expect(await db.recoveryCode.count({ where: { userId: who.id, usedAt: { not: null } } })).toBe(1);
  });

  it("used twice at once works once", async () => {
    const { who, recoveryCodes } = await enrolled();
    const results = await Promise.all(Array.from({ length: 5 }, () => verifySecondFactor(who.id, recoveryCodes[1])));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("of another person does not work", async () => {
    const [first, second] = await Promise.all([enrolled(), enrolled()]);
    expect(await verifySecondFactor(second.who.id, first.recoveryCodes[0])).toEqual({ ok: false, reason: "invalid" });
  });

  it("stops working when new codes are made, and the new ones work", async () => {
    const { who, recoveryCodes } = await enrolled();
    expect(await regenerateRecoveryCodes(who, { password: "wrong password", code: recoveryCodes[0] })).toEqual({ ok: false, reason: "wrong_password" });
    const fresh = await regenerateRecoveryCodes(who, { password: TEST_PASSWORD, code: recoveryCodes[0] });
    if (!fresh.ok) throw new Error(fresh.reason);
    expect(await verifySecondFactor(who.id, recoveryCodes[1])).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySecondFactor(who.id, fresh.data.recoveryCodes[0])).toEqual({ ok: true, method: "recovery_code", remainingRecoveryCodes: 9 });
  });
});

describe("turning off", () => {
  it("needs the password and a code, then forgets the secret and every recovery code", async () => {
    const { who, secret, step, recoveryCodes } = await enrolled();
    expect(await turnOffTwoFactor(who, { password: TEST_PASSWORD, code: "123456" })).toEqual({ ok: false, reason: "invalid_code" });
    expect(await turnOffTwoFactor(who, { password: "wrong password", code: codeAt(secret, step + 1) })).toEqual({ ok: false, reason: "wrong_password" });
    expect(await twoFactorState(who.id)).toMatchObject({ enabled: true });

    expect(await turnOffTwoFactor(who, { password: TEST_PASSWORD, code: codeAt(secret, step + 1) })).toEqual({ ok: true, data: undefined });
    expect(await db.user.findUniqueOrThrow({ where: { id: who.id }, select: { totpEnabledAt: true, totpSecretSealed: true, totpLastStep: true } })).toEqual({
      totpEnabledAt: null,
      totpSecretSealed: null,
      totpLastStep: null,
    });
    expect(await db.recoveryCode.count({ where: { userId: who.id } })).toBe(0);
    expect(await verifySecondFactor(who.id, recoveryCodes[2])).toEqual({ ok: false, reason: "invalid" });
    // Enrolling again starts from a new secret.
    expect(await pendingSecret(who.id)).not.toBe(secret);
  });

  it("stays on while a workspace of the person's requires it, and says which", async () => {
    const { who, secret, step } = await enrolled();
    const member = { id: who.id, email: who.email, name: null, sessionToken: "" };
    const workspace = await createWorkspace({ MEMBER: member }, "Requiring Co");
    await db.workspace.update({ where: { id: workspace.id }, data: { requireTwoFactor: true } });
    expect(await turnOffTwoFactor(who, { password: TEST_PASSWORD, code: codeAt(secret, step + 1) })).toEqual({ ok: false, reason: "required_by", workspaces: ["Requiring Co"] });
    expect(await twoFactorState(who.id)).toMatchObject({ enabled: true });
    await db.workspace.update({ where: { id: workspace.id }, data: { requireTwoFactor: false } });
    expect(await turnOffTwoFactor(who, { password: TEST_PASSWORD, code: codeAt(secret, step + 1) })).toEqual({ ok: true, data: undefined });
  });
});
