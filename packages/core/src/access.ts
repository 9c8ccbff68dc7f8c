import { hasPermission, type Actor, type CustomerActor, type Permission, type StaffActor } from "@accord/auth";
import { AppError } from "./errors";

/** Use cases check access themselves, whatever the route did before. */
export function requireCustomer(actor: Actor | null | undefined, permission?: Permission): CustomerActor {
  if (!actor || actor.kind !== "customer") throw new AppError("forbidden");
  if (permission && !hasPermission(actor, permission)) throw new AppError("forbidden");
  return actor;
}

export function requireStaff(actor: Actor | null | undefined, permission?: Permission): StaffActor {
  if (!actor || actor.kind !== "staff") throw new AppError("forbidden");
  if (permission && !hasPermission(actor, permission)) throw new AppError("forbidden");
  return actor;
}

/**
 * A staff integration key acting through the API (ADR 0035, 0038): no user, only its scopes. The ERP
 * imports accept it beside a staff actor; `authenticateApiKey`'s integration principal is one.
 */
export interface IntegrationActor {
  kind: "integration";
  keyId: string;
  scopes: readonly string[];
}

/** Who may run the ERP's imports: staff with `invoice:import`, or an integration key scoped "imports". */
export function requireErpImporter(actor: Actor | IntegrationActor | null | undefined): StaffActor | IntegrationActor {
  if (actor?.kind === "integration") {
    if (!actor.scopes.includes("imports")) throw new AppError("forbidden");
    return actor;
  }
  return requireStaff(actor, "invoice:import");
}
