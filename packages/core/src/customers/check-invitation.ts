import type { Db } from "@accord/db";
import { readInvitation, type InvitationState } from "./invitation-token";

export interface InvitationView {
  state: InvitationState;
  /** Only for a valid link: what the acceptance page shows. */
  email?: string;
  name?: string;
  companyName?: string;
}

/** For the invitation page's loader: the form, or why the link no longer works. */
export async function checkInvitation({ db, token, now }: { db: Db; token: string | null | undefined; now: Date }): Promise<InvitationView> {
  if (!token) return { state: "invalid" };
  const { state, invitation } = await readInvitation(db, token, now);
  if (state !== "valid" || !invitation) return { state };
  return { state, email: invitation.email, name: invitation.name ?? "", companyName: invitation.companyName };
}
