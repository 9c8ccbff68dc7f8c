import { customerAccounts, invitationTokens, type CustomerRole, type DbOrTx, type Language } from "@accord/db";
import { hashToken } from "@accord/auth";
import { eq } from "drizzle-orm";

export type InvitationState = "valid" | "invalid" | "expired";

export interface OpenInvitation {
  id: string;
  accountId: string;
  companyName: string;
  companyLanguage: Language;
  email: string;
  name: string | null;
  role: CustomerRole;
}

/** Reads an invitation by its link's token; with `lock`, holds its row until the transaction ends. */
export async function readInvitation(
  db: DbOrTx,
  token: string,
  now: Date,
  { lock = false }: { lock?: boolean } = {},
): Promise<{ state: InvitationState; invitation?: OpenInvitation }> {
  if (!token) return { state: "invalid" };
  const query = db
    .select({
      id: invitationTokens.id,
      accountId: invitationTokens.accountId,
      companyName: customerAccounts.name,
      companyLanguage: customerAccounts.language,
      email: invitationTokens.email,
      name: invitationTokens.name,
      role: invitationTokens.role,
      expiresAt: invitationTokens.expiresAt,
      acceptedAt: invitationTokens.acceptedAt,
    })
    .from(invitationTokens)
    .innerJoin(customerAccounts, eq(customerAccounts.id, invitationTokens.accountId))
    .where(eq(invitationTokens.id, hashToken(token)))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: invitationTokens }) : await query;
  if (!row || row.acceptedAt !== null) return { state: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  const { expiresAt: _e, acceptedAt: _a, ...invitation } = row;
  return { state: "valid", invitation: { ...invitation, role: invitation.role as CustomerRole } };
}
