import { resolveCustomerSession } from "@accord/auth";
import { createActorAccess } from "@accord/web/actor";
import { createRoutePrelude } from "@accord/web/route";
import { translator } from "./i18n";
import { APP } from "./app";

const access = createActorAccess({ app: APP, resolveSession: resolveCustomerSession });

/** Looks the signed-in customer user up when asked, and renews the session cookie (after dbMiddleware). */
export const actorMiddleware = access.actorMiddleware;

/** The signed-in customer user, or null. */
export const currentCustomer = access.currentActor;

/**
 * The signed-in customer user; a visitor is sent to /login (and back here afterwards).
 * With a permission the user lacks, the page does not exist for them (404).
 */
export const requireCustomer = access.requireActor;

/** A customer route's prelude: `{ actor, db, t, now, … }` after the permission check (see @accord/web/route). */
export const customerRoute = createRoutePrelude({ requireActor: access.requireActor, translator });
