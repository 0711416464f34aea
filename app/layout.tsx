import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "forge365", template: "%s · forge365" },
  description: "Connect Microsoft 365 mailboxes and prove they can send.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each carries its own CSP nonce
  // (a page prerendered at build time would have scripts the policy refuses).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
