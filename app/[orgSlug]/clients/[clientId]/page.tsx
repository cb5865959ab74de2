import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../../_components/server";
import { Card, PageHeader } from "../../../_components/ui";

export default async function ClientPage({ params }: { params: Promise<{ orgSlug: string; clientId: string }> }) {
  const { orgSlug, clientId } = await params;
  const api = await serverApi();
  const client = await orNotFound(api.client.byId({ orgSlug, clientId }));
  return (
    <>
      <PageHeader title={client.name ?? client.email} description={client.headline ?? "No headline yet."} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Profile">
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <dt className="text-slate-500">Email</dt>
            <dd className="col-span-2">{client.email}</dd>
            <dt className="text-slate-500">Time zone</dt>
            <dd className="col-span-2">{client.timeZone}</dd>
            <dt className="text-slate-500">Coaches</dt>
            <dd className="col-span-2">{client.coaches.map((c) => c.name ?? c.email).join(", ") || "None assigned"}</dd>
          </dl>
        </Card>
        <Card title="Accomplishments">
          {client.accomplishments.length === 0 ? (
            <p className="text-sm text-slate-600">The client has not written their accomplishments yet.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {client.accomplishments.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
