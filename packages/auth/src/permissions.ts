/**
 * TEMPORARY — the role → permission map belongs to @accord/domain (ARCHITECTURE.md),
 * which is being written in parallel. This minimal map lets sign-in and the first
 * pages work; replace it with the domain's map (and delete this file) once it lands.
 */
import type { CustomerRole, StaffRole } from "@accord/db";

export type Permission =
  | "case:create"
  | "case:read_own"
  | "case:read_account"
  | "case:read_all"
  | "case:read_mediated"
  | "case:handle"
  | "case:assign"
  | "case:litigation"
  | "proposal:respond"
  | "proposal:approve"
  | "proposal:approve_finance"
  | "invoice:read_account"
  | "invoice:manage"
  | "account:manage_users"
  | "settings:manage"
  | "users:manage"
  | "mailbox:read";

const customerPermissions: Record<CustomerRole, readonly Permission[]> = {
  admin: ["case:create", "case:read_account", "proposal:respond", "invoice:read_account", "account:manage_users"],
  member: ["case:create", "case:read_own", "proposal:respond", "invoice:read_account"],
  viewer: ["case:read_account", "invoice:read_account"],
};

const staffPermissions: Record<StaffRole, readonly Permission[]> = {
  agent: ["case:read_all", "case:handle"],
  supervisor: ["case:read_all", "case:handle", "case:assign", "proposal:approve"],
  finance: ["case:read_all", "proposal:approve", "proposal:approve_finance", "invoice:manage"],
  legal: ["case:read_all", "case:handle", "case:litigation"],
  mediator: ["case:read_mediated"],
  admin: ["case:read_all", "case:assign", "settings:manage", "users:manage", "mailbox:read"],
};

export function permissionsForCustomerRole(role: CustomerRole): Permission[] {
  return [...customerPermissions[role]];
}

/** The union of the permissions of every role the staff member holds. */
export function permissionsForStaffRoles(roles: readonly StaffRole[]): Permission[] {
  return [...new Set(roles.flatMap((role) => staffPermissions[role] ?? []))];
}
