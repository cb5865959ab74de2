import type { Metadata, Viewport } from "next";
import { ApiProvider } from "./_components/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Followthrough", template: "%s · Followthrough" },
  description: "Follow up well after every interview: timed reminders, drafted letters and a coach who can see it all.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ApiProvider>{children}</ApiProvider>
      </body>
    </html>
  );
}
