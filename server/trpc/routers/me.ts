import { getMe } from "../../services/account/me";
import { authedProcedure, router } from "../init";

export const meRouter = router({
  /** The signed-in person and every organisation they belong to (the switcher). */
  get: authedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.scope)),
});
