import { hasPermission, type Actor } from "@accord/auth";

/**
 * Who may upload files: someone who can file a case, reply on one, or (staff) add notes and
 * investigate. A customer viewer reads and acts on nothing, so cannot upload.
 */
export function canUpload(actor: Actor): boolean {
  const permissions = actor.kind === "customer" ? (["case:create", "case:reply"] as const) : (["case:reply", "case:note", "case:investigate"] as const);
  return permissions.some((permission) => hasPermission(actor, permission));
}
