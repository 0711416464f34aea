import type { NextConfig } from "next";

/**
 * Hostnames a browser may use to reach `next dev`: from any other, its dev resources (the HMR socket)
 * answer 403 and pages never become interactive. HOST is the dev server's bind address when set.
 */
function devOrigins(host = process.env.HOST) {
  // Next compares URL hostnames, which write an IPv6 address in brackets.
  const bound = host ? [host.includes(":") ? `[${host}]` : host] : [];
  return ["localhost", "127.0.0.1", ...bound];
}

/**
 * Browser features the dashboard never uses, denied to it and to anything it could ever frame, so a
 * script injected despite the CSP cannot reach a camera, a location or a USB device, and the browser's
 * ad-interest APIs (Topics, FLoC's interest-cohort) learn nothing from the pages. The clipboard keeps
 * its default: the copy buttons write to it. Names as in the Permissions Policy registry
 * (https://github.com/w3c/webappsec-permissions-policy/blob/main/features.md), limited to those
 * Chromium recognises: it reports any other name on the console of every page (the browser test
 * e2e/security/headers.spec.ts fails on such a report).
 */
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "gamepad",
  "geolocation",
  "gyroscope",
  "hid",
  "identity-credentials-get",
  "idle-detection",
  "interest-cohort",
  "local-fonts",
  "magnetometer",
  "microphone",
  "midi",
  "otp-credentials",
  "payment",
  "picture-in-picture",
  "publickey-credentials-create",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "window-management",
  "xr-spatial-tracking",
];

const nextConfig: NextConfig = {
  allowedDevOrigins: devOrigins(),
  // Pages answer 404 for other workspaces and 403 below a role, with the project's own UI.
  experimental: { authInterrupts: true },
  // Native and WASM packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "pino",
    "undici",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project once (npm run typecheck); builds skip repeating it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(", ") },
          // A page this one opens (Microsoft's docs, the sandbox's inbox) gets no handle on it, nor it on them.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
