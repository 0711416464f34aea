import { expect, it } from "vitest";
import { admissionLimits } from "./server";

it("reads the admission limits, with defaults, and refuses a limit that is not a positive whole number", () => {
  expect(admissionLimits({})).toEqual({ maxConcurrent: 32, maxQueued: 2_000 });
  expect(admissionLimits({ MAX_CONCURRENT_REQUESTS: "8", MAX_QUEUED_REQUESTS: "" })).toEqual({ maxConcurrent: 8, maxQueued: 2_000 });
  for (const bad of ["0", "-1", "2.5", "lots"]) expect(() => admissionLimits({ MAX_CONCURRENT_REQUESTS: bad })).toThrow("MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 100000.");
  expect(() => admissionLimits({ MAX_QUEUED_REQUESTS: "0" })).toThrow("MAX_QUEUED_REQUESTS must be");
});
