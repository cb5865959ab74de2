import { z } from "zod";
import { ZInstant } from "../../validation/storable";
import { optionalText } from "../interviews/schemas";

export const ZContactRole = z.enum(["interviewer", "recruiter", "referrer", "peer", "other"]);

const ZContactEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That address is too long.")
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(z.email("Enter a valid email address.").nullable());

const ZPhone = optionalText(40, "Use at most 40 characters.").refine(
  (value) => value === null || /^[0-9+()\-.\s/x]{3,40}$/i.test(value),
  "Use digits, spaces and + ( ) - only.",
);

const contactFields = {
  name: z.string().trim().min(1, "Give the person's name.").max(120, "Use at most 120 characters."),
  email: ZContactEmail,
  phone: ZPhone,
  title: optionalText(120),
  companyId: z.uuid().nullish().transform((value) => value ?? null),
  role: ZContactRole,
  howWeKnow: optionalText(500),
  lastContactedAt: ZInstant().nullish().transform((value) => value ?? null),
  notes: z.string().trim().max(5000, "Keep notes under 5,000 characters.").default(""),
};

export const ZCreateContactInput = z.object({ ...contactFields, role: ZContactRole.default("other") });
export type TCreateContactInput = z.infer<typeof ZCreateContactInput>;

/** Only the fields sent are changed. */
export const ZUpdateContactInput = z.object({
  contactId: z.uuid(),
  name: contactFields.name.optional(),
  email: contactFields.email.optional(),
  phone: contactFields.phone.optional(),
  title: contactFields.title.optional(),
  companyId: contactFields.companyId.optional(),
  role: ZContactRole.optional(),
  howWeKnow: contactFields.howWeKnow.optional(),
  lastContactedAt: contactFields.lastContactedAt.optional(),
  notes: contactFields.notes.optional(),
});
export type TUpdateContactInput = z.infer<typeof ZUpdateContactInput>;

export const ZListContactsInput = z.object({
  search: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
  role: ZContactRole.optional(),
  companyId: z.uuid().optional(),
});
export type TListContactsInput = z.infer<typeof ZListContactsInput>;

export const ZContactByIdInput = z.object({ contactId: z.uuid() });

export const ZLinkContactInput = z
  .object({
    contactId: z.uuid(),
    knowsContactId: z.uuid().nullish().transform((value) => value ?? null),
    knowsCompanyId: z.uuid().nullish().transform((value) => value ?? null),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if ((value.knowsContactId === null) === (value.knowsCompanyId === null)) {
      ctx.addIssue({ code: "custom", path: ["knowsContactId"], message: "Choose either a person or a company they know." });
    }
    if (value.knowsContactId && value.knowsContactId === value.contactId) {
      ctx.addIssue({ code: "custom", path: ["knowsContactId"], message: "Choose someone other than the contact themself." });
    }
  });
export type TLinkContactInput = z.infer<typeof ZLinkContactInput>;

export const ZUnlinkContactInput = z.object({ linkId: z.uuid() });
export const ZGoodWordInput = z.object({ companyId: z.uuid() });
