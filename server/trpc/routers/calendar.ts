import { enableFeed, getFeed, revokeFeed, rotateFeed } from "../../services/calendar/feed";
import { authedProcedure, router } from "../init";

/**
 * The caller's own private calendar feed. It belongs to the person, not to a membership: one feed
 * lists their interviews and promises from every organisation where they are a client (for someone
 * who is a client nowhere it is simply empty), so it takes no organisation, and turning it off
 * turns off that one feed everywhere.
 */
export const calendarRouter = router({
  feed: authedProcedure.query(({ ctx }) => getFeed(ctx.db, ctx.scope)),
  enable: authedProcedure.mutation(({ ctx }) => enableFeed(ctx.db, ctx.scope)),
  rotate: authedProcedure.mutation(({ ctx }) => rotateFeed(ctx.db, ctx.scope)),
  revoke: authedProcedure.mutation(({ ctx }) => revokeFeed(ctx.db, ctx.scope)),
});
