import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { createUser } from "@/tests/helpers/factories";
import { describeDevice, listSessions, revokeOtherSessions, revokeSession } from "./session-list";
import { createSession, findActiveSession, idleSince, sessionTokenHash } from "./sessions";

const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

const sessionId = async (token: string) => (await db.session.findUniqueOrThrow({ where: { tokenHash: sessionTokenHash(token) } })).id;

describe("describing a device", () => {
  it("names the browser with its major version and the system", () => {
    expect(describeDevice(CHROME_WINDOWS)).toBe("Chrome 131 on Windows");
    expect(describeDevice(SAFARI_IPHONE)).toBe("Safari 17 on iOS");
    expect(describeDevice(FIREFOX_LINUX)).toBe("Firefox 133 on Linux");
    expect(describeDevice(null)).toBe("Unknown device");
    expect(describeDevice("curl/8.5.0")).toBe("Unknown browser");
  });
});

describe("a person's sessions", () => {
  it("lists the person's active sessions only, this browser first and marked", async () => {
    const person = await createUser();
    const stranger = await createUser();
    const phone = await createSession(person.id, { userAgent: SAFARI_IPHONE, ipAddress: "203.0.113.7", method: "microsoft" });
    const expired = await createSession(person.id, { userAgent: FIREFOX_LINUX });
    await db.session.update({ where: { tokenHash: sessionTokenHash(expired) }, data: { expires: new Date(Date.now() - 1000) } });
    const idle = await createSession(person.id, { userAgent: FIREFOX_LINUX });
    await db.session.update({ where: { tokenHash: sessionTokenHash(idle) }, data: { lastSeenAt: idleSince() } });

    const sessions = await listSessions(person.id, person.sessionToken);
    expect(sessions.map((s) => s.id)).toEqual([await sessionId(person.sessionToken), await sessionId(phone)]);
    expect(sessions[0]).toMatchObject({ current: true, method: "password", device: "Unknown device" });
    expect(sessions[1]).toMatchObject({ current: false, method: "microsoft", device: "Safari 17 on iOS", ipAddress: "203.0.113.7" });
    expect(JSON.stringify(sessions)).not.toContain(sessionTokenHash(phone));
    expect(sessions.map((s) => s.id)).not.toContain(await sessionId(stranger.sessionToken));
  });

  it("revokes one of the person's other sessions", async () => {
    const person = await createUser();
    const laptop = await createSession(person.id, { userAgent: CHROME_WINDOWS });
    await revokeSession(person.id, await sessionId(laptop), person.sessionToken);
    expect(await findActiveSession(laptop)).toBeNull();
    expect(await findActiveSession(person.sessionToken)).not.toBeNull();
  });

  it("never revokes another person's session: it is not found, and stays", async () => {
    const person = await createUser();
    const stranger = await createUser();
    const theirs = await sessionId(stranger.sessionToken);
    await expect(revokeSession(person.id, theirs, person.sessionToken)).rejects.toThrow(UserFacingError);
    expect(await findActiveSession(stranger.sessionToken)).not.toBeNull();
    expect((await listSessions(person.id, person.sessionToken)).map((s) => s.id)).not.toContain(theirs);
  });

  it("refuses to revoke the browser's own session (that is signing out)", async () => {
    const person = await createUser();
    await expect(revokeSession(person.id, await sessionId(person.sessionToken), person.sessionToken)).rejects.toThrow(/sign out/);
    expect(await findActiveSession(person.sessionToken)).not.toBeNull();
  });

  it("signs out all other sessions of the person, and no one else's", async () => {
    const person = await createUser();
    const stranger = await createUser();
    const others = [await createSession(person.id), await createSession(person.id, { secondFactorPending: true })];
    await revokeOtherSessions(person.id, person.sessionToken);
    for (const token of others) expect(await findActiveSession(token)).toBeNull();
    expect(await findActiveSession(person.sessionToken)).not.toBeNull();
    expect(await findActiveSession(stranger.sessionToken)).not.toBeNull();
  });
});
