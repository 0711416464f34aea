import { expect, it } from "vitest";
import { retryAfterSeconds } from "./retry-after";

it("reads delay-seconds and HTTP-dates, rounding up and never below zero", () => {
  const now = Date.parse("Wed, 02 Dec 2026 10:00:00 GMT");
  expect(retryAfterSeconds("120", now)).toBe(120);
  expect(retryAfterSeconds(" 3 ", now)).toBe(3);
  expect(retryAfterSeconds("Wed, 02 Dec 2026 10:00:01 GMT", now)).toBe(1);
  expect(retryAfterSeconds("Wed, 02 Dec 2026 09:59:00 GMT", now)).toBe(0);
  for (const absent of [null, undefined, "", "soon"]) expect(retryAfterSeconds(absent, now)).toBeUndefined();
});
