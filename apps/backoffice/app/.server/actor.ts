import { hasPermission, resolveStaffSession, type StaffActor } from "@accord/auth";
import { createActorAccess } from "@accord/web/actor";
import { createRoutePrelude } from "@accord/web/route";
import { translator } from "./i18n";
import { APP } from "./app";

const access = createActorAccess({ app: APP, resolveSession: resolveStaffSession });

/** Looks the signed-in staff member up when asked, and renews the session cookie (after dbMiddleware). */
export const actorMiddleware = access.actorMiddleware;

/** The signed-in staff member, or null. */
export const currentStaff = access.currentActor;

/**
 * The signed-in staff member; a visitor is sent to /login (and back here afterwards).
 * With a permission the staff member lacks, the page does not exist for them (404).
 */
export const requireStaff = access.requireActor;

/** Whether to show the dev mailbox in the navigation (the page itself checks again). */
export function canReadMailbox(actor: StaffActor): boolean {
  return hasPermission(actor, "mailbox:read");
}

/**
 * Whether the receivables page (/invoices) is offered: staff who read invoices AND the figures
 * (finance, supervisors, legal, admins), not agents, who see a case's invoices on the case itself.
 * The page's loader requires the same; the use cases check `invoice:read` / `invoice:manage` again.
 */
export function canReadReceivables(actor: StaffActor): boolean {
  return hasPermission(actor, "invoice:read") && hasPermission(actor, "kpi:read");
}

/** Whether the steering dashboard (/dashboard) is offered: supervisors, finance, legal, admins (`kpi:read`); its pages check again. */
export function canReadKpi(actor: StaffActor): boolean {
  return hasPermission(actor, "kpi:read");
}

/** Whether the quarantine of inbound e-mail (/inbound) is offered; its pages and use cases check again. */
export function canTriageInbound(actor: StaffActor): boolean {
  return hasPermission(actor, "inbound:triage");
}

/** A staff route's prelude: `{ actor, db, t, now, … }` after the permission check (see @accord/web/route). */
export const staffRoute = createRoutePrelude({ requireActor: access.requireActor, translator });
