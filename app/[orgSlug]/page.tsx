import { redirect } from "next/navigation";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../_components/server";
import { Card, EmptyState, PageHeader } from "../_components/ui";

export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  if (org.role !== "client") redirect(`/${orgSlug}/coach`);

  const profile = await orNotFound(api.client.byId({ orgSlug }));
  const firstName = profile.name?.split(" ")[0] ?? "there";
  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description={`Your job search with ${org.name}.`} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Today's follow-ups" className="lg:col-span-2">
          <EmptyState title="Nothing is due today">
            Reminders to prepare, debrief, thank your interviewers and check in will show here as your interviews come up.
          </EmptyState>
        </Card>
        <Card title="Your coach">
          {profile.coaches.length === 0 ? (
            <p className="text-sm text-slate-600">No coach is assigned to you yet. Your organisation will pair you with one.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {profile.coaches.map((coach) => (
                <li key={coach.membershipId}>
                  <span className="font-medium">{coach.name ?? coach.email}</span>
                  <span className="block text-slate-500">{coach.email}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
