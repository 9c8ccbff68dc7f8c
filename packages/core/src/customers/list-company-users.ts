import { customerUsers, invitationTokens, type CustomerRole, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { hasPermission } from "@accord/auth";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { requireCustomer } from "../access";

export interface CompanyUser {
  id: string;
  name: string;
  role: CustomerRole;
  active: boolean;
  /** Only for admins: colleagues see names and roles, not addresses. */
  email: string | null;
  isSelf: boolean;
}

export interface PendingInvitation {
  email: string;
  name: string | null;
  role: CustomerRole;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface CompanyUsers {
  /** True for an admin: the page shows the invitation form and the actions. */
  canManage: boolean;
  users: CompanyUser[];
  /** Pending (not accepted, not expired) invitations; empty unless `canManage`. */
  invitations: PendingInvitation[];
}

/**
 * The people of the actor's company. An admin sees everyone (active or not) with their
 * e-mail and the pending invitations; a member or a viewer sees the active colleagues'
 * names and roles, read-only.
 */
export async function listCompanyUsers({ db, actor, now }: { db: Db; actor: Actor | null; now: Date }): Promise<CompanyUsers> {
  const customer = requireCustomer(actor);
  const canManage = hasPermission(customer, "customer:users:manage");
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: customerUsers.id,
        name: customerUsers.name,
        email: customerUsers.email,
        role: customerUsers.role,
        active: customerUsers.active,
      })
      .from(customerUsers)
      .where(
        canManage
          ? eq(customerUsers.accountId, customer.accountId)
          : and(eq(customerUsers.accountId, customer.accountId), eq(customerUsers.active, true)),
      )
      .orderBy(desc(customerUsers.active), asc(customerUsers.name), asc(customerUsers.email));

    const users = rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      active: row.active,
      email: canManage || row.id === customer.userId ? row.email : null,
      isSelf: row.id === customer.userId,
    }));
    if (!canManage) return { canManage, users, invitations: [] };

    const inviter = alias(customerUsers, "inviter");
    const invitations = await tx
      .select({
        email: invitationTokens.email,
        name: invitationTokens.name,
        role: invitationTokens.role,
        invitedByName: inviter.name,
        createdAt: invitationTokens.createdAt,
        expiresAt: invitationTokens.expiresAt,
      })
      .from(invitationTokens)
      .leftJoin(inviter, eq(inviter.id, invitationTokens.invitedById))
      .where(
        and(
          eq(invitationTokens.accountId, customer.accountId),
          isNull(invitationTokens.acceptedAt),
          gt(invitationTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(invitationTokens.createdAt));
    return {
      canManage,
      users,
      invitations: invitations.map((i) => ({ ...i, role: i.role as CustomerRole })),
    };
  });
}
