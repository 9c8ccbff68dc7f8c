/**
 * TEMPORARY — a copy of @accord/domain's role → permission map
 * (packages/domain/src/lifecycle/permissions.ts), which is written but not yet
 * exported from the domain package's index. Same names, same grants: when the
 * domain exports `permissionsOf` and `Permission`, this file becomes a
 * re-export of them and nothing else changes.
 */
import type { CustomerRole, StaffRole } from "@accord/db";

export const PERMISSIONS = [
  "case:read",
  "case:create",
  "case:reply",
  "case:note",
  "case:qualify",
  "case:assign",
  "case:investigate",
  "case:decide",
  "case:reopen",
  "case:withdraw",
  "case:litigation",
  "proposal:create",
  "proposal:respond",
  "proposal:approve:supervisor",
  "proposal:approve:finance",
  "mediation:start",
  "mediation:conduct",
  "invoice:read",
  "invoice:manage",
  "kpi:read",
  "audit:read",
  "survey:answer",
  "customer:users:manage",
  "mailbox:read",
  "admin:users",
  "admin:settings",
  "admin:sla",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type ActorRoles =
  | { readonly kind: "customer"; readonly role: CustomerRole }
  | { readonly kind: "staff"; readonly roles: readonly StaffRole[] };

const CUSTOMER_VIEWER: readonly Permission[] = ["case:read", "invoice:read"];
const CUSTOMER_MEMBER: readonly Permission[] = [
  ...CUSTOMER_VIEWER,
  "case:create",
  "case:reply",
  "case:withdraw",
  "proposal:respond",
  "survey:answer",
];
const CUSTOMER_ROLE_PERMISSIONS: Readonly<Record<CustomerRole, readonly Permission[]>> = {
  viewer: CUSTOMER_VIEWER,
  member: CUSTOMER_MEMBER,
  admin: [...CUSTOMER_MEMBER, "customer:users:manage"],
};

const AGENT: readonly Permission[] = [
  "case:read",
  "case:create",
  "case:reply",
  "case:note",
  "case:qualify",
  "case:investigate",
  "case:decide",
  "proposal:create",
  "mediation:start",
  "invoice:read",
];
const STAFF_ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  agent: AGENT,
  supervisor: [...AGENT, "case:assign", "case:reopen", "case:litigation", "proposal:approve:supervisor", "kpi:read", "audit:read"],
  finance: ["case:read", "case:note", "proposal:approve:finance", "invoice:read", "invoice:manage", "kpi:read"],
  legal: ["case:read", "case:reply", "case:note", "case:litigation", "invoice:read", "kpi:read"],
  mediator: ["case:read", "case:reply", "case:note", "mediation:conduct"],
  admin: ["case:read", "case:assign", "invoice:read", "kpi:read", "audit:read", "mailbox:read", "admin:users", "admin:settings", "admin:sla"],
};

/** The permissions an actor holds (the union over staff roles), in PERMISSIONS order. Unknown roles grant nothing. */
export function permissionsOf(actor: ActorRoles): Permission[] {
  const granted = new Set<Permission>(
    actor.kind === "customer"
      ? (CUSTOMER_ROLE_PERMISSIONS[actor.role] ?? [])
      : actor.roles.flatMap((role) => STAFF_ROLE_PERMISSIONS[role] ?? []),
  );
  return PERMISSIONS.filter((permission) => granted.has(permission));
}
