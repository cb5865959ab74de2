import { randomUUID } from "node:crypto";
import type { World } from "../../../helpers/callers";
import { everyone, members, ownersOnly, signedIn, staffOnly, aboutTheClient, type MatrixEntry } from "./shared";

const slugOf = (w: World) => ({ orgSlug: w.org.slug });

export const coreMatrix: Record<string, MatrixEntry> = {
  "me.get": { call: (api) => api.me.get(), expect: signedIn },

  "org.create": {
    call: (api) => api.org.create({ name: "New Practice", slug: `practice-${randomUUID().slice(0, 8)}` }),
    expect: signedIn,
  },
  "org.get": { call: (api, w) => api.org.get(slugOf(w)), expect: members },
  "org.markUsed": { call: (api, w) => api.org.markUsed(slugOf(w)), expect: members },

  "member.list": { call: (api, w) => api.member.list(slugOf(w)), expect: ownersOnly },
  "member.changeRole": {
    call: (api, w) => api.member.changeRole({ ...slugOf(w), membershipId: w.otherCoach.membership.id, role: "owner" }),
    expect: ownersOnly,
  },
  "member.remove": {
    call: (api, w) => api.member.remove({ ...slugOf(w), membershipId: w.otherCoach.membership.id }),
    expect: ownersOnly,
  },
  "member.assign": {
    call: (api, w) =>
      api.member.assign({ ...slugOf(w), coachMembershipId: w.otherCoach.membership.id, clientMembershipIds: [w.client.membership.id] }),
    expect: ownersOnly,
  },
  "member.unassign": {
    call: (api, w) =>
      api.member.unassign({ ...slugOf(w), coachMembershipId: w.coach.membership.id, clientMembershipId: w.client.membership.id }),
    expect: ownersOnly,
  },

  "invitation.create": {
    call: (api, w) => api.invitation.create({ ...slugOf(w), email: `invitee-${randomUUID().slice(0, 8)}@test.example`, role: "client" }),
    expect: ownersOnly,
  },
  "invitation.list": { call: (api, w) => api.invitation.list(slugOf(w)), expect: ownersOnly },
  "invitation.revoke": {
    call: (api, w) => api.invitation.revoke({ ...slugOf(w), invitationId: w.pendingInvitation.id }),
    expect: ownersOnly,
  },
  "invitation.preview": { call: (api, w) => api.invitation.preview({ token: w.pendingInvitation.token }), expect: everyone },
  // The invitation is addressed to someone else, so every signed-in caller is refused; the
  // invitee's own acceptance is tested on its own.
  "invitation.accept": {
    call: (api, w) => api.invitation.accept({ token: w.pendingInvitation.token }),
    expect: { ...signedIn, clientSelf: "FORBIDDEN", otherClient: "FORBIDDEN", assignedCoach: "FORBIDDEN", unassignedCoach: "FORBIDDEN", owner: "FORBIDDEN", outsider: "FORBIDDEN" },
  },

  "client.list": { call: (api, w) => api.client.list(slugOf(w)), expect: staffOnly },
  "client.byId": { call: (api, w) => api.client.byId({ ...slugOf(w), clientId: w.client.membership.id }), expect: aboutTheClient },
};
