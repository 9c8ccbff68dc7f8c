import { describe, expect, it } from "vitest";
import { expectEmail } from "../test-email";

const caseUrl = "https://backoffice.accord.example/cases/LIT-2026-000123";
const portalCaseUrl = "https://portal.accord.example/cases/LIT-2026-000123";

describe("sla-warning e-mail (internal, to the assignee)", () => {
  const props = { name: "Nina Leroy", reference: "LIT-2026-000123", title: "Palettes abîmées", target: "first_response" as const, dueAt: "2026-05-15T08:00:00.000Z", caseUrl };
  it("names the target and its deadline in Paris time, French and English", async () => {
    await expectEmail("sla-warning", "fr", props, { subject: "Alerte SLA : première réponse du dossier LIT-2026-000123 bientôt due", text: ["vendredi 15 mai 2026 à 10:00", "Palettes abîmées", caseUrl, "E-mail interne"] });
    await expectEmail("sla-warning", "en", { ...props, target: "resolution" }, { subject: "SLA warning: resolution of case LIT-2026-000123 due soon", text: [/Friday,? 15 May 2026,? at 10:00/, "Internal e-mail"] });
  });
});

describe("sla-breach e-mail (internal, to the assignee and the supervisors)", () => {
  const props = { name: "Sam Superviseur", reference: "LIT-2026-000123", title: "Palettes abîmées", target: "first_response" as const, dueAt: "2026-05-15T08:00:00.000Z", priorityBefore: "P3", priorityAfter: "P2", assigneeName: "Nina Leroy", caseUrl };
  it("says the priority was raised and who handles it", async () => {
    await expectEmail("sla-breach", "fr", props, { subject: "SLA dépassé : première réponse du dossier LIT-2026-000123", text: ["Priorité relevée de P3 à P2.", "Assigné à : Nina Leroy."] });
    await expectEmail("sla-breach", "en", { ...props, priorityBefore: "P1", priorityAfter: "P1", assigneeName: null }, { subject: "SLA breached: first-response target of case LIT-2026-000123", text: ["Priority: P1 (already the highest).", "assigned to nobody"] });
  });
});

describe("inactivity-reminder e-mail (internal)", () => {
  it("counts the business days without activity", async () => {
    const props = { name: "Nina Leroy", reference: "LIT-2026-000123", title: "Palettes abîmées", businessDays: 3, lastActivityAt: "2026-05-11T08:00:00.000Z", caseUrl };
    await expectEmail("inactivity-reminder", "fr", props, { subject: "Relance : aucune activité sur le dossier LIT-2026-000123", text: ["depuis 3 jours ouvrés (dernière le 11 mai 2026)"] });
    await expectEmail("inactivity-reminder", "en", { ...props, businessDays: 1 }, { subject: "Reminder: no activity on case LIT-2026-000123", text: ["for 1 business day (last on 11 May 2026)"] });
  });
});

describe("customer-reminder e-mail", () => {
  const props = { name: "Claire Martin", reference: "LIT-2026-000123", about: "evidence_request" as const, step: 2 as const, items: ["Photos du lot"], closesAfterBusinessDays: 5, caseUrl: portalCaseUrl };
  it("lists what is asked and, at the second reminder, when the case closes", async () => {
    await expectEmail("customer-reminder", "fr", props, { subject: "Second rappel : votre dossier LIT-2026-000123 attend votre réponse", text: ["Photos du lot", "sous 5 jours ouvrés", portalCaseUrl] });
    await expectEmail("customer-reminder", "en", { ...props, step: 1 }, { subject: "Reminder: your case LIT-2026-000123 is waiting for your answer", text: ["Photos du lot"], notText: ["closed as abandoned"] });
  });
  it("reminds of a proposal without any internal detail", async () => {
    const email = await expectEmail("customer-reminder", "fr", { ...props, about: "proposal", step: 1, items: [], closesAfterBusinessDays: null }, { text: ["accepter ou la refuser"], notText: ["abandonné"] });
    expect(email.text).not.toMatch(/interne/i);
  });
});

describe("case-abandoned e-mail", () => {
  it("says why the case is closed and where it stays readable", async () => {
    const props = { name: "Claire Martin", reference: "LIT-2026-000123", caseUrl: portalCaseUrl };
    await expectEmail("case-abandoned", "fr", props, { subject: "Votre dossier LIT-2026-000123 est clôturé sans réponse de votre part", text: ["clôturé comme abandonné", portalCaseUrl] });
    await expectEmail("case-abandoned", "en", props, { subject: "Your case LIT-2026-000123 is closed without an answer from you", text: ["closed as abandoned"] });
  });
});

describe("pre-due-reminder e-mail", () => {
  const invoice = (number: string, dueDate: string) => ({ number, dueDate, amountDueCents: 123456, currency: "EUR", reportUrl: `https://portal.accord.example/claims/new?invoice=${number}` });
  const props = { name: "Claire Martin", invoices: [invoice("FA-2026-0001", "2026-05-20"), invoice("FA-2026-0002", "2026-05-22")], preferencesUrl: "https://portal.accord.example/profile" };
  it("lists each invoice with its « Signaler un problème » link", async () => {
    const email = await expectEmail("pre-due-reminder", "fr", props, { subject: "2 factures arrivent à échéance", text: ["FA-2026-0001", "20 mai 2026", /1\s234,56/, "Signaler un problème", "https://portal.accord.example/profile"] });
    expect(email.html).toContain("https://portal.accord.example/claims/new?invoice=FA-2026-0002");
    await expectEmail("pre-due-reminder", "en", { ...props, invoices: props.invoices.slice(0, 1) }, { subject: "An invoice falls due soon", text: ["Report a problem", "€1,234.56", "20 May 2026"] });
  });
});
