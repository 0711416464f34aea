import { NextRequest } from "next/server";
import { afterEach, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy } from "./content-security-policy";

afterEach(() => vi.unstubAllEnvs());

it("production has no unsafe-eval; development does", () => {
  expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).not.toContain("unsafe-eval");
  expect(contentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
});

it("production over HTTPS sends HSTS and a fresh nonce per request", () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("APP_URL", "https://forge365.example.com");
  const first = proxy(new NextRequest("https://forge365.example.com/sign-in"));
  const second = proxy(new NextRequest("https://forge365.example.com/sign-in"));
  expect(first.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  const nonce = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first)).not.toBe(nonce(second));
  expect(first.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
});

it("plain HTTP (local use) gets no HSTS", () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("APP_URL", "http://127.0.0.1:3000");
  expect(proxy(new NextRequest("http://127.0.0.1:3000/")).headers.get("strict-transport-security")).toBeNull();
});
