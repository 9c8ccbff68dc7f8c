import { cases, kbArticles } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postStaffReply } from "../instruction/post-staff-reply";
import { later, openReceivedCase, RECEIVED_AT, staffWith } from "../testing/test-case";
import { customerActor } from "../testing/fixtures";
import { getCustomerCase } from "./get-customer-case";
import { getStaffCase } from "./get-staff-case";
import { parseInput } from "../errors";
import { postStaffReplySchema } from "../instruction/post-staff-reply";

const t = useTestDb();

describe("what the customer typed, on both case pages", () => {
  it("shows staff and the customer the claim's details, and the customer the help articles a reply links to", async () => {
    const { reference, row, contact } = await openReceivedCase(t.db, { type: "delivery" });
    await t.db
      .update(cases)
      .set({ desiredOutcome: "credit_note", details: { deliveryNoteNumber: "BL-2026-1187", receivedOn: "2026-11-20", signedWithReservations: true } })
      .where(eq(cases.id, row.id));
    const [article] = await t.db
      .insert(kbArticles)
      .values({ slug: "reserves-livraison", titleFr: "Émettre des réserves", titleEn: "Noting reservations", bodyFr: "…", bodyEn: "…", published: true, publishedAt: RECEIVED_AT })
      .returning();
    const { actor } = await staffWith(t.db, ["agent"]);
    await postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Voici comment émettre des réserves.", kbArticleIds: [article!.id] }), now: later(5), portalUrl: "http://portal.test/" });

    const expected = { deliveryNoteNumber: "BL-2026-1187", receivedOn: "2026-11-20", signedWithReservations: true, product: null, lotNumber: null };
    const staffPage = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(6) });
    expect(staffPage.case.claimDetails).toMatchObject(expected);
    expect(staffPage.case.desiredOutcome).toBe("credit_note");

    const customerPage = await getCustomerCase({ db: t.db, actor: await customerActor(t.db, contact.id), input: { reference }, now: later(7) });
    expect(customerPage.case.details).toMatchObject(expected);
    expect(customerPage.messages).toEqual([
      expect.objectContaining({ body: "Voici comment émettre des réserves.", articles: [{ slug: "reserves-livraison", titleFr: "Émettre des réserves", titleEn: "Noting reservations" }] }),
    ]);
  });
});
