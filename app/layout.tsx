import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "forge365", template: "%s · forge365" },
  description: "Connect Microsoft 365 mailboxes and prove they can send.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
