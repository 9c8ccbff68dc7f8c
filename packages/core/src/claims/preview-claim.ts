import type { Actor } from "@accord/auth";
import type { Db } from "@accord/db";
import type { ClaimFormInput, StaffClaimFormInput } from "./schemas";
import { customerCaseScope } from "../cases/customer-case-scope";
import { resolveFiler } from "./filer";
import { prepareClaim, type PreparedClaim } from "./prepare-claim";

export type ClaimPreview = Omit<PreparedClaim, "account"> & { accountName: string };

/**
 * The "Vérifier" step of the claim form, writing nothing: the amounts per line and in total, the
 * admissibility warnings and the possible duplicates (an open case of the account on the same
 * invoice line). Same access and validation as {@link submitClaim}.
 */
export async function previewClaim({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: Actor | null | undefined;
  input: ClaimFormInput | StaffClaimFormInput;
  now: Date;
}): Promise<ClaimPreview> {
  return db.transaction(
    async (tx) => {
      const filer = await resolveFiler(tx, actor, input);
      // a member is warned of a colleague's case without its reference (they may not open it)
      const openable = actor?.kind === "customer" ? customerCaseScope(actor) : undefined;
      const { account, ...prepared } = await prepareClaim(tx, { accountId: filer.accountId, input: filer.input, now, openable });
      return { ...prepared, accountName: account.name };
    },
    { accessMode: "read only" },
  );
}
