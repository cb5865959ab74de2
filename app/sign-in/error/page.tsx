import type { Metadata } from "next";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "That sign-in link no longer works",
    body: "Sign-in links work once and expire after 30 minutes. Request a new one and use the newest email.",
  },
  EmailSignin: {
    title: "We could not send a sign-in email",
    body: "Too many links may have been requested in a short time. Wait a few minutes and try again.",
  },
};
const FALLBACK = { title: "Something went wrong signing you in", body: "Please request a new sign-in link." };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (error && MESSAGES[error]) || FALLBACK;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-semibold">{message.title}</h1>
      <p className="mt-3 text-slate-700">{message.body}</p>
      <a href="/sign-in" className="mt-6 inline-flex rounded-lg bg-brand px-4 py-2 text-sm font-medium text-white">
        Get a new link
      </a>
    </main>
  );
}
