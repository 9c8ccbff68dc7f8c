import {
  hasPermission,
  isSecureRequest,
  resolveStaffSession,
  sessionCookie,
  type Permission,
  type ResolvedSession,
  type StaffActor,
} from "@accord/auth";
import { createContext, redirect, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { APP } from "./app";
import { dbContext } from "./db";
import { notFound } from "./errors";
import { loginUrlFor } from "./request";

type SessionLookup = () => Promise<ResolvedSession<StaffActor> | null>;

const sessionContext = createContext<SessionLookup>(async () => null);

/**
 * Makes "who is signed in" available to loaders and actions, looked up at most once per request and
 * only when asked (a health check never touches the sessions). When the lookup extended the session
 * (sliding expiry), the cookie is sent again with the new expiry.
 */
export const actorMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  let pending: ReturnType<SessionLookup> | undefined;
  context.set(sessionContext, () => (pending ??= resolveStaffSession(context.get(dbContext), request, new Date())));
  const response = await next();
  const session = pending ? await pending.catch(() => null) : null;
  if (session?.extended) {
    const cookie = sessionCookie(APP);
    const touched = response.headers.getSetCookie().some((value) => value.startsWith(`${cookie.name}=`));
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

/** The signed-in staff member, or null. */
export async function currentStaff(context: Readonly<RouterContextProvider>): Promise<StaffActor | null> {
  return (await context.get(sessionContext)())?.actor ?? null;
}

/**
 * The signed-in staff member; a visitor is sent to /login (and back here afterwards).
 * With a permission the staff member lacks, the page does not exist for them (404).
 */
export async function requireStaff(
  { request, context }: { request: Request; context: Readonly<RouterContextProvider> },
  permission?: Permission,
): Promise<StaffActor> {
  const actor = await currentStaff(context);
  if (!actor) throw redirect(loginUrlFor(request));
  if (permission && !hasPermission(actor, permission)) notFound();
  return actor;
}

/** Whether to show the dev mailbox in the navigation (the page itself checks again). */
export function canReadMailbox(actor: StaffActor): boolean {
  return hasPermission(actor, "mailbox:read");
}
