import { createContact, getContact, listContacts, updateContact } from "../../services/contacts/contacts";
import { goodWord, linkContact, unlinkContact } from "../../services/contacts/links";
import {
  ZContactByIdInput,
  ZCreateContactInput,
  ZGoodWordInput,
  ZLinkContactInput,
  ZListContactsInput,
  ZUnlinkContactInput,
  ZUpdateContactInput,
} from "../../services/contacts/schemas";
import { importLinkedInConnections, previewLinkedInConnections, ZLinkedInConnectionsInput } from "../../services/contacts/linkedin-connections";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const contactRouter = router({
  list: clientProcedure.input(ZListContactsInput).query(({ ctx, input }) => listContacts(ctx.db, ctx.scope, input)),
  byId: clientProcedure.input(ZContactByIdInput).query(({ ctx, input }) => getContact(ctx.db, ctx.scope, input.contactId)),
  create: clientSelfProcedure.input(ZCreateContactInput).mutation(({ ctx, input }) => createContact(ctx.db, ctx.scope, input)),
  update: clientSelfProcedure.input(ZUpdateContactInput).mutation(({ ctx, input }) => updateContact(ctx.db, ctx.scope, input)),
  link: clientSelfProcedure.input(ZLinkContactInput).mutation(({ ctx, input }) => linkContact(ctx.db, ctx.scope, input)),
  unlink: clientSelfProcedure.input(ZUnlinkContactInput).mutation(({ ctx, input }) => unlinkContact(ctx.db, ctx.scope, input.linkId)),
  /** Contacts who could put in a good word at a company, and through whom. */
  goodWord: clientProcedure.input(ZGoodWordInput).query(({ ctx, input }) => goodWord(ctx.db, ctx.scope, input.companyId)),
  // Mutations although the preview writes nothing: the file travels in a POST body.
  previewLinkedInConnections: clientSelfProcedure
    .input(ZLinkedInConnectionsInput)
    .mutation(({ ctx, input }) => previewLinkedInConnections(ctx.db, ctx.scope, input)),
  importLinkedInConnections: clientSelfProcedure
    .input(ZLinkedInConnectionsInput)
    .mutation(({ ctx, input }) => importLinkedInConnections(ctx.db, ctx.scope, input)),
});
