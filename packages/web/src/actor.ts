import {
  hasPermission,
  isSecureRequest,
  sessionCookie,
  type Actor,
  type AppName,
  type Permission,
  type ResolvedSession,
} from "@accord/auth";
import type { Db } from "@accord/db";
import { createContext, redirect, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { dbContext } from "./db";
import { notFound, throwIfUnavailable } from "./errors";
import { loginUrlFor } from "./request";

export interface ActorAccess<A extends Actor> {
  /**
   * Makes "who is signed in" available to loaders and actions, looked up at most once per request and
   * only when asked (a health check never touches the sessions). When the lookup extended the session
   * (sliding expiry), the cookie is sent again with the new expiry. Place it after `dbMiddleware`.
   */
  actorMiddleware: MiddlewareFunction<Response>;
  /** The signed-in actor, or null. */
  currentActor(context: Readonly<RouterContextProvider>): Promise<A | null>;
  /**
   * The signed-in actor; a visitor is sent to /login (and back here afterwards).
   * With a permission the actor lacks, the page does not exist for them (404).
   */
  requireActor(args: { request: Request; context: Readonly<RouterContextProvider> }, permission?: Permission): Promise<A>;
}

/** Who is signed in to `app`, as resolved by `resolveSession` (e.g. `resolveCustomerSession` from @accord/auth). */
export function createActorAccess<A extends Actor>({
  app,
  resolveSession,
}: {
  app: AppName;
  resolveSession: (db: Db, request: Request, now: Date) => Promise<ResolvedSession<A> | null>;
}): ActorAccess<A> {
  type SessionLookup = () => Promise<ResolvedSession<A> | null>;
  const sessionContext = createContext<SessionLookup>(async () => null);

  const actorMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
    let pending: ReturnType<SessionLookup> | undefined;
    context.set(sessionContext, () => (pending ??= resolveSession(context.get(dbContext), request, new Date())));
    const response = await next();
    const session = pending ? await pending.catch(() => null) : null;
    if (session?.extended) {
      const cookie = sessionCookie(app);
      const touched = response.headers.getSetCookie().some((value) => cookie.names.some((name) => value.startsWith(`${name}=`)));
      if (!touched) {
        try {
          response.headers.append("Set-Cookie", cookie.serialize(session.token, session.expiresAt, { secure: isSecureRequest(request) }));
        } catch {
          // immutable headers: the cookie is refreshed on a later request
        }
      }
    }
    return response;
  };

  async function currentActor(context: Readonly<RouterContextProvider>): Promise<A | null> {
    // The first query of most requests (the session): the database out of reach answers 503, not 500.
    try {
      return (await context.get(sessionContext)())?.actor ?? null;
    } catch (error) {
      throwIfUnavailable(error);
    }
  }

  async function requireActor(
    { request, context }: { request: Request; context: Readonly<RouterContextProvider> },
    permission?: Permission,
  ): Promise<A> {
    const actor = await currentActor(context);
    if (!actor) throw redirect(loginUrlFor(request));
    if (permission && !hasPermission(actor, permission)) notFound();
    return actor;
  }

  return { actorMiddleware, currentActor, requireActor };
}
