/** The demo data offers the proactive notice: Boulangeries Martin's quality claim names a flour lot that Hôtel du Port received too. */
import { cases, staffUsers } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { setRootCause, setRootCauseSchema } from "../instruction/set-root-cause";
import { seedDemoData } from "../seed/seed-demo";
import { staffActor } from "../testing/fixtures";
import { findLotRecipients } from "./find-lot-recipients";

const t = useTestDb();

describe("the demo's shared lot", () => {
  it("lists Hôtel du Port for Boulangeries Martin's quality case once its root cause is a quality one", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    await seedDemoData({ db: t.db, now, production: false, portalUrl: "https://portail.exemple.fr" });
    const [quality] = await t.db.select().from(cases).where(eq(cases.type, "quality"));
    const [agentUser] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, "agent@accord.example"));
    const agent = await staffActor(t.db, agentUser!.id);
    await setRootCause({ db: t.db, actor: agent, input: parseInput(setRootCauseSchema, { reference: quality!.reference, code: "raw_material" }), now });
    const found = await findLotRecipients({ db: t.db, actor: agent, input: { reference: quality!.reference }, now });
    expect(found).toMatchObject({ applies: true, lots: ["L2026-1102"], canSend: true });
    expect(found.accounts).toEqual([
      expect.objectContaining({
        accountName: "Hôtel du Port SARL",
        lines: [expect.objectContaining({ invoiceNumber: "FA-2026-10661", description: "Farine de blé T55 — sac de 25 kg" })],
        recipients: [expect.objectContaining({ email: "admin@hotelduport.example" })],
      }),
    ]);
  });
});
