/**
 * The dashboard's Content-Security-Policy: scripts only from this origin with this response's nonce
 * (Next.js puts it on its own scripts), no plugins, no framing, forms posting only here. Development
 * adds 'unsafe-eval', which React uses there (and only there) to rebuild server error stacks.
 */
export function contentSecurityPolicy({ nonce, development, https }: { nonce: string; development: boolean; https: boolean }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (a progress bar's width) carry no script; allowing them keeps markup simple.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
