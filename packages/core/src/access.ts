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
