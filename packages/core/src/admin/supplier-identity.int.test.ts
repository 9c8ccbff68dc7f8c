import { adminEvents, emailMessages, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { assignCase } from "../cases/assign-case";
import { parseInput } from "../errors";
import { postStaffReply, postStaffReplySchema } from "../instruction/post-staff-reply";
import { openReceivedCase, RECEIVED_AT, staffWith } from "../testing/test-case";
import { beforeAll, describe, expect, it } from "vitest";
import { createStaff, rejection, staffActor } from "../testing/fixtures";
import { getSupplierIdentity, loadSupplierLogo } from "./get-supplier-identity";
import { updateSupplierIdentity } from "./update-supplier-identity";
import type { StaffActor } from "@accord/auth";

const t = useTestDb();
let admin: StaffActor;
let agent: StaffActor;
beforeAll(async () => {
  admin = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"] })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent", "supervisor"] })).id);
});

const now = new Date("2026-12-01T10:00:00Z");
const identity = { legalName: "Minoterie Valois SAS", siren: "303 265 045", vatNumber: "fr 40 303265045", address: "12 rue des Moulins\n60300 Senlis" };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("the supplier's identity (« Notre société »)", () => {
  it("is stored once, compact, with an admin event on each change; the logo is kept until removed", async () => {
    expect(await getSupplierIdentity({ db: t.db, actor: admin })).toBeNull();
    await updateSupplierIdentity({ db: t.db, actor: admin, input: identity, logo: PNG, now });
    expect(await getSupplierIdentity({ db: t.db, actor: admin })).toMatchObject({
      legalName: "Minoterie Valois SAS",
      siren: "303265045",
      vatNumber: "FR40303265045",
      address: "12 rue des Moulins\n60300 Senlis",
      hasLogo: true,
    });
    expect(await loadSupplierLogo(t.db)).toMatchObject({ contentType: "image/png" });
    const [event] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
    expect(event).toMatchObject({ type: "supplier_identity_updated", actorId: admin.userId, payload: { siren: "303265045", before: null, logo: { contentType: "image/png", bytes: 12 } } });

    await updateSupplierIdentity({ db: t.db, actor: admin, input: { ...identity, legalName: "Minoterie Valois" }, now });
    expect(await getSupplierIdentity({ db: t.db, actor: admin })).toMatchObject({ legalName: "Minoterie Valois", hasLogo: true });
    await updateSupplierIdentity({ db: t.db, actor: admin, input: { ...identity, removeLogo: "on" }, now });
    expect(await getSupplierIdentity({ db: t.db, actor: admin })).toMatchObject({ hasLogo: false });
    expect(await t.db.select().from(supplierIdentity)).toHaveLength(1);
    const [last] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
    expect(last!.payload).toMatchObject({ logo: "removed", before: { legalName: "Minoterie Valois" } });
  });

  it("refuses a SIREN that fails Luhn, a VAT number with a wrong key or of another SIREN, and a logo that is not an image, writing nothing", async () => {
    const before = await getSupplierIdentity({ db: t.db, actor: admin });
    const badSiren = await rejection(updateSupplierIdentity({ db: t.db, actor: admin, input: { ...identity, siren: "303265046", legalName: " " }, now }));
    expect(badSiren).toMatchObject({ code: "validation", fieldErrors: { siren: ["admin.company.errors.siren"], legalName: ["validation.required"] } });
    const badKey = await rejection(updateSupplierIdentity({ db: t.db, actor: admin, input: { ...identity, vatNumber: "FR41303265045" }, now }));
    expect(badKey).toMatchObject({ fieldErrors: { vatNumber: ["admin.company.errors.vat_key"] } });
    const otherSiren = await rejection(updateSupplierIdentity({ db: t.db, actor: admin, input: { ...identity, vatNumber: "FR81775670417" }, now }));
    expect(otherSiren).toMatchObject({ fieldErrors: { vatNumber: ["admin.company.errors.vat_siren_mismatch"] } });
    const script = new TextEncoder().encode("<svg onload=alert(1)></svg>");
    expect(await rejection(updateSupplierIdentity({ db: t.db, actor: admin, input: identity, logo: script, now }))).toMatchObject({ fieldErrors: { logo: ["admin.company.errors.logoType"] } });
    const huge = new Uint8Array(256 * 1024 + 1);
    huge.set(PNG);
    expect(await rejection(updateSupplierIdentity({ db: t.db, actor: admin, input: identity, logo: huge, now }))).toMatchObject({ fieldErrors: { logo: ["admin.company.errors.logoSize"] } });
    expect(await getSupplierIdentity({ db: t.db, actor: admin })).toEqual(before);
  });

  it("signs the e-mails queued from then on: the supplier, and the agent handling the case", async () => {
    await updateSupplierIdentity({ db: t.db, actor: admin, input: identity, now });
    const { reference, row } = await openReceivedCase(t.db);
    const handler = await staffWith(t.db, ["agent"], { name: "Camille Dubois" });
    await assignCase({ db: t.db, actor: handler.actor, input: { reference, assigneeId: handler.user.id }, now: new Date(RECEIVED_AT.getTime() + 60_000) });
    await postStaffReply({ db: t.db, actor: handler.actor, input: parseInput(postStaffReplySchema, { reference, body: "Bien reçu." }), now: new Date(RECEIVED_AT.getTime() + 120_000) });
    const [mail] = await t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, row.id), eq(emailMessages.template, "case-reply")));
    expect(mail!.props).toMatchObject({
      sender: { supplier: { legalName: "Minoterie Valois SAS", siren: "303265045", vatNumber: "FR40303265045" }, agentName: "Camille Dubois" },
    });
  });

  it("is for admins only", async () => {
    expect(await rejection(getSupplierIdentity({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(updateSupplierIdentity({ db: t.db, actor: agent, input: identity, now }))).toMatchObject({ code: "forbidden" });
  });
});
