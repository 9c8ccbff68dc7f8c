import { responseTemplates } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { getStaffCase } from "../cases/get-staff-case";
import { requestEvidence } from "../cases/request-evidence";
import { startInvestigation } from "../cases/start-investigation";
import { qualifyCase } from "../cases/qualify-case";
import { rejection } from "../testing/fixtures";
import { parseInput } from "../errors";
import { postStaffReply, postStaffReplySchema } from "./post-staff-reply";
import { later, openReceivedCase, staffWith } from "../testing/test-case";

const t = useTestDb();

const PORTAL = "http://portal.test/";

describe("response templates", () => {
  it("fill the agent's name and the deadline that matters now; a placeholder without a value stays, and the reply holding it is refused", async () => {
    const { reference } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"], { name: "Camille Dubois" });
    await t.db.insert(responseTemplates).values({
      name: "Relance",
      bodyFr: "{{agentName}} : avant le {{deadline}} ; première réponse {{firstResponseDeadline}} ; résolution {{resolutionDeadline}} ; pièces {{evidenceDueDate}}.",
      bodyEn: "—",
    });
    const bodyOf = async (minutes: number) => {
      const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(minutes) });
      return page.options.responseTemplates.find((tpl) => tpl.name === "Relance")!.body;
    };

    // A new case: the first response and resolution deadlines, no evidence request yet.
    const fresh = await bodyOf(1);
    expect(fresh).toMatch(/^Camille Dubois : avant le \S+ \d+ \S+ 2026 ; première réponse \S+ \d+ \S+ 2026 ; résolution \S+ \d+ \S+ 2026 ; pièces \{\{evidenceDueDate\}\}\.$/);
    expect(await rejection(postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: fresh }), now: later(2), portalUrl: PORTAL }))).toMatchObject({
      code: "validation",
      fieldErrors: { body: ["casePage.reply.error.placeholder"] },
      params: { placeholders: "{{evidenceDueDate}}" },
    });

    // Waiting on the customer's evidence: the clock is paused, {{deadline}} is the due date.
    await qualifyCase({ db: t.db, actor, input: { reference, type: "quality", priority: "P3" }, now: later(3) });
    await startInvestigation({ db: t.db, actor, input: { reference }, now: later(4) });
    await requestEvidence({ db: t.db, actor, input: { reference, items: ["Photos"], dueDate: "2026-11-30" }, now: later(5), portalUrl: PORTAL });
    const waiting = await bodyOf(6);
    expect(waiting).toContain("avant le lundi 30 novembre 2026 ;");
    expect(waiting).toContain("résolution {{resolutionDeadline}} ; pièces lundi 30 novembre 2026.");
    expect(waiting).toContain("première réponse {{firstResponseDeadline}}");
  });
});
