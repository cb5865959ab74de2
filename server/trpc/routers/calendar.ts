import { enableFeed, getFeed, revokeFeed, rotateFeed } from "../../services/calendar/feed";
import { orgProcedure, router } from "../init";

/**
 * The caller's own private calendar feed. Any member may have one; it only ever lists their own
 * client data, so for someone who is a client nowhere it is simply empty.
 */
export const calendarRouter = router({
  feed: orgProcedure.query(({ ctx }) => getFeed(ctx.db, ctx.session.userId)),
  enable: orgProcedure.mutation(({ ctx }) => enableFeed(ctx.db, ctx.session.userId)),
  rotate: orgProcedure.mutation(({ ctx }) => rotateFeed(ctx.db, ctx.session.userId)),
  revoke: orgProcedure.mutation(({ ctx }) => revokeFeed(ctx.db, ctx.session.userId)),
});
