import { checklistTemplates, kbArticles, priceAgreements, priceIndexValues, responseTemplates } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { RESPONSE_PLACEHOLDERS } from "../instruction/render-response-template";
import { seedDemoData } from "./seed-demo";

const t = useTestDb();

describe("demo settings", () => {
  it("seeds contracted prices (one indexed, with index values), checklists, response templates and published help articles", async () => {
    await seedDemoData({ db: t.db, now: new Date("2026-11-25T10:00:00Z"), production: false, portalUrl: "http://localhost:3000" });
    const agreements = await t.db.select().from(priceAgreements);
    expect(agreements.length).toBeGreaterThanOrEqual(3);
    const indexed = agreements.filter((a) => a.indexation);
    expect(indexed).toHaveLength(1);
    const values = await t.db.select().from(priceIndexValues);
    expect(values.filter((v) => v.indexCode === indexed[0]!.indexation!.indexCode)).toHaveLength(12);
    expect(values.map((v) => v.month)).toContain("2026-11-01");
    expect((await t.db.select().from(checklistTemplates)).map((c) => c.caseType).sort()).toEqual(["delivery", "price_billing", "quality"]);
    const templates = await t.db.select().from(responseTemplates);
    expect(templates).toHaveLength(2);
    for (const template of templates) {
      for (const body of [template.bodyFr, template.bodyEn]) {
        const used = [...body.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
        expect(used.every((name) => (RESPONSE_PLACEHOLDERS as readonly string[]).includes(name!))).toBe(true);
      }
    }
    const articles = await t.db.select().from(kbArticles);
    expect(articles.filter((a) => a.published)).toHaveLength(2);
  });
});
