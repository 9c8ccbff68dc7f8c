import { fail } from "../errors/errors";

/**
 * Every permission a use case may check. `*:read` permissions only read;
 * all others act.
 */
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
  "mediation:outcome",
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
  "api_keys:manage",
  "integration_keys:manage",
  "reason_codes:manage",
  "inbound:triage",
  "invoice:import",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const CUSTOMER_ROLES = ["member", "admin", "viewer"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

export const STAFF_ROLES = ["agent", "supervisor", "finance", "legal", "mediator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is acting: a portal user has one role, a staff member one or several. */
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

/**
 * Customer roles. A member acts on the cases whose contact they are, an admin
 * on every case of the account (the scope is the use case's job); a viewer
 * (e.g. accounts payable) only reads.
 */
export const CUSTOMER_ROLE_PERMISSIONS: Readonly<Record<CustomerRole, readonly Permission[]>> = {
  viewer: CUSTOMER_VIEWER,
  member: CUSTOMER_MEMBER,
  admin: [...CUSTOMER_MEMBER, "customer:users:manage", "api_keys:manage", "reason_codes:manage"],
};

const AGENT: readonly Permission[] = [
  "inbound:triage",
  "case:read",
  "case:create",
  "case:reply",
  "case:note",
  "case:qualify",
  "case:investigate",
  "case:decide",
  "proposal:create",
  "invoice:read",
];

/**
 * Staff roles. Nobody holds every permission: the admin runs the settings,
 * not the cases, and approvals stay with supervisors and finance.
 */
export const STAFF_ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  agent: AGENT,
  supervisor: [
    ...AGENT,
    "case:assign",
    "case:reopen",
    "case:litigation",
    "proposal:approve:supervisor",
    // A supervisor refers a case to mediation and records the outcome of an external one (issue 12).
    "mediation:start",
    "mediation:outcome",
    "kpi:read",
    "audit:read",
  ],
  finance: ["case:read", "case:note", "proposal:approve:finance", "invoice:read", "invoice:manage", "invoice:import", "kpi:read"],
  legal: ["case:read", "case:reply", "case:note", "case:litigation", "invoice:read", "kpi:read"],
  mediator: ["case:read", "case:reply", "case:note", "mediation:conduct", "mediation:outcome"],
  admin: [
    "case:read",
    "case:assign",
    "invoice:read",
    "invoice:import",
    "kpi:read",
    "audit:read",
    "mailbox:read",
    "admin:users",
    "admin:settings",
    "admin:sla",
    "api_keys:manage",
    "integration_keys:manage",
    "reason_codes:manage",
    "inbound:triage",
  ],
};

export function isPermission(value: unknown): value is Permission {
  return PERMISSIONS.includes(value as Permission);
}

/**
 * The permissions an actor holds (the union over staff roles), sorted.
 * @throws DomainValidationError `unknown_role` naming the role field.
 */
export function permissionsOf(actor: ActorRoles): Permission[] {
  const granted = new Set<Permission>();
  if (actor.kind === "customer") {
    if (!CUSTOMER_ROLES.includes(actor.role)) fail("unknown_role", "role", { value: String(actor.role) });
    CUSTOMER_ROLE_PERMISSIONS[actor.role].forEach((p) => granted.add(p));
  } else {
    actor.roles.forEach((role, index) => {
      if (!STAFF_ROLES.includes(role)) fail("unknown_role", `roles[${index}]`, { value: String(role) });
      STAFF_ROLE_PERMISSIONS[role].forEach((p) => granted.add(p));
    });
  }
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

/**
 * True when the actor holds `permission`. Deny by default.
 * @throws DomainValidationError `unknown_role` or `unknown_permission`.
 */
export function can(actor: ActorRoles, permission: Permission): boolean {
  if (!isPermission(permission)) fail("unknown_permission", "permission", { value: String(permission) });
  return permissionsOf(actor).includes(permission);
}
