import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ApiProvider } from "./_components/trpc";
import { ConfirmProvider, ToastProvider } from "./_components/ui";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Followthrough", template: "%s · Followthrough" },
  description: "Follow up well after every interview: timed reminders, drafted letters and a coach who can see it all.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry the nonce of that request's
  // Content-Security-Policy (set by the proxy), which a page rendered at build time cannot know.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ApiProvider>
          <ToastProvider>
            <ConfirmProvider>{children}</ConfirmProvider>
          </ToastProvider>
        </ApiProvider>
      </body>
    </html>
  );
}
