import { TRPCError } from "@trpc/server";

/**
 * Domain errors: services throw these, and `toTRPCError` maps them to API codes in one place,
 * so no expected failure ever surfaces as a 500.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "TOO_MANY_REQUESTS" | "UNAUTHORIZED" | "SERVICE_UNAVAILABLE",
    message: string,
    /** The input field the error belongs to, so forms can show it next to that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Non-members and unassigned coaches get the same answer as a missing row: existence never leaks. */
export const notFound = (what = "Not found") => new DomainError("NOT_FOUND", what);
export const forbidden = (why = "You do not have access to this.") => new DomainError("FORBIDDEN", why);
export const conflict = (why: string, field?: string) => new DomainError("CONFLICT", why, field);
export const badRequest = (why: string, field?: string) => new DomainError("BAD_REQUEST", why, field);

export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  }
  return error;
}
