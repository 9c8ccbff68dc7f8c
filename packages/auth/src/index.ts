export { hashPassword, verifyPassword, DUMMY_PASSWORD_HASH } from "./password";
export { generateToken, hashToken } from "./token";
export {
  createSession,
  validateSession,
  invalidateSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  SESSION_RENEW_BEFORE_MS,
  type Session,
  type SessionCustomerUser,
  type SessionStaffUser,
  type ValidatedSession,
} from "./session";
export {
  hasPermission,
  customerActorFromUser,
  staffActorFromUser,
  loadCustomerActor,
  loadStaffActor,
  resolveCustomerActor,
  resolveStaffActor,
  resolveCustomerSession,
  resolveStaffSession,
  type Actor,
  type CustomerActor,
  type StaffActor,
  type ResolvedSession,
} from "./actor";
export { permissionsOf, PERMISSIONS, type Permission, type ActorRoles } from "./permissions";
export { checkOrigin } from "./origin";
export { sessionCookie, isSecureRequest, readCookie, type AppName, type SessionCookie } from "./cookies";
