import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth";
import { homePathOf } from "@/server/services/account/me";
import { load, trpc } from "@/server/trpc/server";
import { ButtonLink } from "./_components/ui";

const RULES = [
  { title: "Prepare", text: "The evening before, a reminder to reread your research and plan how you will ask for the job." },
  { title: "Debrief", text: "An hour after you walk out, a short form while the details are fresh: who you met, what they care about, what comes next." },
  { title: "Thank each interviewer", text: "One note per person, drafted from what they talked about, ready to send within a day." },
  { title: "Keep your promises", text: "References, samples, proposals: reminded before they are due, not after." },
  { title: "Sit tight, then check in", text: "No nudges before the date the employer asked for; a drafted check-in on the day, in the channel they prefer." },
  { title: "Close with grace", text: "A rejection cancels what is pending, drafts a warm reply, and keeps the door open for later." },
];

export default async function LandingPage() {
  const session = await currentSession();
  if (session) {
    redirect(homePathOf(await load(trpc.me.get.queryOptions())));
  }
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold text-brand">Followthrough</span>
        <ButtonLink href="/sign-in" variant="secondary">
          Sign in
        </ButtonLink>
      </header>
      <section className="mt-12 max-w-3xl">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Most offers are won or lost after the interview.</h1>
        <p className="mt-5 text-lg text-slate-700">
          Followthrough is a coaching platform for job seekers and their career coaches. It turns a coach&apos;s follow-up
          playbook into timed reminders and personal drafts — and shows the coach, at a glance, which clients are following
          through.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/sign-in">Get started</ButtonLink>
          <ButtonLink href="#how-it-works" variant="secondary">
            How it works
          </ButtonLink>
        </div>
      </section>
      <section id="how-it-works" className="mt-16">
        <h2 className="text-xl font-semibold">The follow-up playbook, done for you</h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {RULES.map((rule) => (
            <li key={rule.title} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h3 className="font-medium">{rule.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{rule.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="mt-16 grid gap-6 sm:grid-cols-2">
        <div>
          <h2 className="text-xl font-semibold">For job seekers</h2>
          <p className="mt-2 text-slate-700">
            Track applications, interviews and the people you meet. Every follow-up arrives on time with a first draft in your
            own words to start from.
          </p>
        </div>
        <div>
          <h2 className="text-xl font-semibold">For coaches</h2>
          <p className="mt-2 text-slate-700">
            See every client&apos;s pipeline, what is overdue and who has gone quiet. Leave notes, comment on drafts, and nudge
            at the right moment.
          </p>
        </div>
      </section>
    </main>
  );
}
