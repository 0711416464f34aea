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
        ],
      },
    ];
  },
};

export default nextConfig;
