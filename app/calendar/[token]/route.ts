import { getDb } from "@/db";
import { calendarFeedResponse } from "@/server/services/calendar/feed";

/**
 * The private calendar feed that calendar apps poll: no session, the secret token in the URL is
 * the credential (with or without the ".ics" that some apps want to see).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return calendarFeedResponse(getDb(), token);
}
