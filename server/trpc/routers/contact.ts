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
import { scopeOf } from "../../services/interviews/scope";
import { clientProcedure, clientSelfProcedure, router } from "../init";

export const contactRouter = router({
  list: clientProcedure.input(ZListContactsInput).query(({ ctx, input }) => listContacts(ctx.db, scopeOf(ctx), input)),
  byId: clientProcedure.input(ZContactByIdInput).query(({ ctx, input }) => getContact(ctx.db, scopeOf(ctx), input.contactId)),
  create: clientSelfProcedure.input(ZCreateContactInput).mutation(({ ctx, input }) => createContact(ctx.db, scopeOf(ctx), input)),
  update: clientSelfProcedure.input(ZUpdateContactInput).mutation(({ ctx, input }) => updateContact(ctx.db, scopeOf(ctx), input)),
  link: clientSelfProcedure.input(ZLinkContactInput).mutation(({ ctx, input }) => linkContact(ctx.db, scopeOf(ctx), input)),
  unlink: clientSelfProcedure.input(ZUnlinkContactInput).mutation(({ ctx, input }) => unlinkContact(ctx.db, scopeOf(ctx), input.linkId)),
  /** Contacts who could put in a good word at a company, and through whom. */
  goodWord: clientProcedure.input(ZGoodWordInput).query(({ ctx, input }) => goodWord(ctx.db, scopeOf(ctx), input.companyId)),
  // Mutations although the preview writes nothing: the file travels in a POST body.
  previewLinkedInConnections: clientSelfProcedure
    .input(ZLinkedInConnectionsInput)
    .mutation(({ ctx, input }) => previewLinkedInConnections(ctx.db, scopeOf(ctx), input)),
  importLinkedInConnections: clientSelfProcedure
    .input(ZLinkedInConnectionsInput)
    .mutation(({ ctx, input }) => importLinkedInConnections(ctx.db, scopeOf(ctx), input)),
});
