import type { Actor, Permission } from "@accord/auth";
import type { Params, RouterContextProvider } from "react-router";
import { dbContext } from "./db";
import { throwAsResponse } from "./errors";
import type { Translate } from "./i18n";
import type { IntentContext } from "./intents";

/** What React Router hands a loader or an action. */
export interface RouteArgs {
  request: Request;
  params: Params;
  context: Readonly<RouterContextProvider>;
}

/**
 * The one prelude of a signed-in route: who asks (a visitor is sent to /login; a missing permission
 * makes the page not exist, 404), the database, the translator and the request's clock — the same
 * context the page's intents receive.
 *
 *   export async function loader(args: Route.LoaderArgs) {
 *     const ctx = await staffRoute(args, "admin:manage");
 *     return loadOrRespond(ctx, () => getKbArticle({ ...ctx, articleId: args.params.id }));
 *   }
 */
export function createRoutePrelude<A extends Actor>({
  requireActor,
  translator,
}: {
  requireActor: (args: RouteArgs, permission?: Permission) => Promise<A>;
  translator: (context: Readonly<RouterContextProvider>) => Translate;
}) {
  return async function route(args: RouteArgs, permission?: Permission): Promise<IntentContext<A>> {
    const actor = await requireActor(args, permission);
    const t = translator(args.context);
    return { request: args.request, params: args.params, context: args.context, db: args.context.get(dbContext), actor, t, now: new Date() };
  };
}

/**
 * The one wrapper of a loader's reads: an AppError becomes its error response (forbidden and not
 * found both answer 404; the root ErrorBoundary shows the translated message); anything else is
 * rethrown.
 */
export async function loadOrRespond<T>(ctx: { t: Translate }, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throwAsResponse(error, ctx.t);
  }
}
