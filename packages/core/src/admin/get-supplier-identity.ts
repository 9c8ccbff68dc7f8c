import { supplierIdentity, type Db, type DbOrTx } from "@accord/db";
import type { Actor } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";

/** The supplier's legal identity as the pages and documents read it (the logo apart: it is served on its own). */
export interface SupplierIdentity {
  legalName: string;
  siren: string;
  vatNumber: string;
  address: string;
  hasLogo: boolean;
  updatedAt: Date;
}

/** The stored identity, or null before an admin fills « Notre société ». For e-mails and documents: no actor. */
export async function loadSupplierIdentity(db: DbOrTx): Promise<SupplierIdentity | null> {
  const [row] = await db
    .select({
      legalName: supplierIdentity.legalName,
      siren: supplierIdentity.siren,
      vatNumber: supplierIdentity.vatNumber,
      address: supplierIdentity.address,
      logoContentType: supplierIdentity.logoContentType,
      updatedAt: supplierIdentity.updatedAt,
    })
    .from(supplierIdentity)
    .where(eq(supplierIdentity.id, 1));
  if (!row) return null;
  const { logoContentType, ...identity } = row;
  return { ...identity, hasLogo: logoContentType !== null };
}

/** The supplier's logo (bytes and type), or null. Public: it is printed in every e-mail. */
export async function loadSupplierLogo(db: DbOrTx): Promise<{ bytes: Buffer; contentType: string } | null> {
  const [row] = await db.select({ bytes: supplierIdentity.logo, contentType: supplierIdentity.logoContentType }).from(supplierIdentity).where(eq(supplierIdentity.id, 1));
  return row?.bytes && row.contentType ? { bytes: row.bytes, contentType: row.contentType } : null;
}

/** « Notre société » in the administration: the supplier's legal identity (admin only). */
export async function getSupplierIdentity({ db, actor }: { db: Db; actor: Actor | null }): Promise<SupplierIdentity | null> {
  requireStaff(actor, "admin:settings");
  return loadSupplierIdentity(db);
}
