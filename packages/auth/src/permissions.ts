/**
 * Permissions come from the domain's role → permission map; auth only attaches
 * them to the actor. Re-exported so apps need not depend on the domain for them.
 */
export { PERMISSIONS, permissionsOf, type ActorRoles, type Permission } from "@accord/domain";
