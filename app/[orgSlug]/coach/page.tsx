import Link from "next/link";
import { serverApi } from "@/server/trpc/server";
import { orNotFound } from "../../_components/server";
import { ButtonLink, Card, EmptyState, PageHeader } from "../../_components/ui";

export default async function CoachClientsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const api = await serverApi();
  const org = await orNotFound(api.org.get({ orgSlug }));
  const clients = await orNotFound(api.client.list({ orgSlug }));
  return (
    <>
      <PageHeader
        title="Clients"
        description={org.role === "owner" ? "Every client of the practice." : "The clients assigned to you."}
        actions={org.role === "owner" ? <ButtonLink href={`/${orgSlug}/admin`}>Invite people</ButtonLink> : null}
      />
      <Card>
        {clients.length === 0 ? (
          <EmptyState title={org.role === "owner" ? "No clients yet" : "No clients are assigned to you yet"}>
            {org.role === "owner"
              ? "Invite your first client from the admin page; they will appear here once they accept."
              : "An owner of the practice assigns clients to coaches. Ask them to assign you someone."}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">Email</th>
                  <th scope="col" className="py-2 pr-4">Time zone</th>
                  <th scope="col" className="py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {clients.map((client) => (
                  <tr key={client.clientId}>
                    <td className="py-2 pr-4 font-medium">
                      <Link className="text-brand hover:underline" href={`/${orgSlug}/clients/${client.clientId}`}>
                        {client.name ?? client.email}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 text-slate-600">{client.email}</td>
                    <td className="py-2 pr-4 text-slate-600">{client.timeZone}</td>
                    <td className="py-2 capitalize text-slate-600">{client.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
