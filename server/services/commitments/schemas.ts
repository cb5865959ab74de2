import { z } from "zod";
import { ZInstant } from "../../validation/storable";

export const ZListCommitmentsInput = z.object({
  status: z.enum(["open", "done", "all"]).default("open"),
  applicationId: z.uuid().optional(),
});
export type TListCommitmentsInput = z.infer<typeof ZListCommitmentsInput>;

export const ZCreateCommitmentInput = z.object({
  description: z.string().trim().min(1, "Say what you will do.").max(500, "Keep it under 500 characters."),
  dueAt: ZInstant("Give the date it is due."),
  applicationId: z.uuid().nullish().transform((value) => value ?? null),
  interviewId: z.uuid().nullish().transform((value) => value ?? null),
  contactId: z.uuid().nullish().transform((value) => value ?? null),
});
export type TCreateCommitmentInput = z.infer<typeof ZCreateCommitmentInput>;

export const ZCommitmentIdInput = z.object({ commitmentId: z.uuid() });
export const ZCompleteCommitmentInput = ZCommitmentIdInput;
export const ZReopenCommitmentInput = ZCommitmentIdInput;
