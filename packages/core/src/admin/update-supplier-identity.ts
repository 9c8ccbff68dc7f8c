import { supplierIdentity } from "@accord/db";
import { checkFrenchVatNumber, isValidSiren } from "@accord/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

/** The largest logo accepted: it travels in every e-mail's header. */
export const SUPPLIER_LOGO_MAX_BYTES = 256 * 1024;

const text = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const supplierIdentitySchema = z
  .object({
    legalName: text(200),
    siren: z
      .string({ error: "validation.required" })
      .transform((value) => value.replace(/[\s.-]/g, ""))
      .refine((value) => value !== "", "validation.required")
      .refine((value) => value === "" || isValidSiren(value), "admin.company.errors.siren"),
    vatNumber: text(20),
    address: text(500),
    removeLogo: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional(),
  })
  .transform((value, ctx) => {
    const vat = checkFrenchVatNumber(value.vatNumber, value.siren);
    if (!vat.ok) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: `admin.company.errors.vat_${vat.problem}` });
      return z.NEVER;
    }
    return { ...value, vatNumber: vat.vatNumber };
  });
export type SupplierIdentityInput = z.input<typeof supplierIdentitySchema>;

/** The image types a logo may have, told by their first bytes (never by the file's name or declared type). */
function imageTypeOf(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/gif" | "image/webp" | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return null;
}

/**
 * An admin sets the supplier's legal identity (« Notre société »): legal name, SIREN (Luhn), VAT
 * number (FR + key + that SIREN), address and an optional logo (PNG, JPEG, GIF or WebP by content,
 * at most 256 KB). One admin event `supplier_identity_updated` with what changed (the logo by its size).
 */
export async function updateSupplierIdentity({ db, actor, input, logo, now }: UseCaseArgs<SupplierIdentityInput, { /** A new logo's bytes, when one was sent. */ logo?: Uint8Array | null }>): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const parsed = supplierIdentitySchema.safeParse(input);
  const logoErrors: string[] = [];
  let logoType: string | null = null;
  if (logo && logo.byteLength > 0) {
    if (logo.byteLength > SUPPLIER_LOGO_MAX_BYTES) logoErrors.push("admin.company.errors.logoSize");
    else if (!(logoType = imageTypeOf(logo))) logoErrors.push("admin.company.errors.logoType");
  }
  if (!parsed.success || logoErrors.length > 0) {
    const error = parsed.success ? new AppError("validation", { fieldErrors: {} }) : AppError.fromZod(parsed.error);
    throw new AppError("validation", { messageKey: error.messageKey, fieldErrors: { ...error.fieldErrors, ...(logoErrors.length ? { logo: logoErrors } : {}) } });
  }
  const { removeLogo, ...identity } = parsed.data;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ legalName: supplierIdentity.legalName, siren: supplierIdentity.siren, vatNumber: supplierIdentity.vatNumber, address: supplierIdentity.address })
      .from(supplierIdentity)
      .where(eq(supplierIdentity.id, 1))
      .for("update");
    const logoChange = logoType ? { logo: Buffer.from(logo!), logoContentType: logoType } : removeLogo ? { logo: null, logoContentType: null } : {};
    await tx
      .insert(supplierIdentity)
      .values({ id: 1, ...identity, ...logoChange, updatedAt: now })
      .onConflictDoUpdate({ target: supplierIdentity.id, set: { ...identity, ...logoChange, updatedAt: now } });
    await appendAdminEvent(tx, {
      actor: actorRef(admin),
      at: now,
      type: "supplier_identity_updated",
      payload: { ...identity, before: before ?? null, logo: logoType ? { contentType: logoType, bytes: logo!.byteLength } : removeLogo ? "removed" : "unchanged" },
    });
  });
}
