import { OUTCOMES, PROPOSAL_KINDS } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES } from "../language";
import { renderEmail, type RenderedEmail } from "../render";
import { expectEmail } from "../test-email";
import { approvalDecidedMessages } from "./approval-decided";
import { approvalRequestedMessages } from "./approval-requested";
import { caseClosedMessages, scoreUrl } from "./case-closed";
import { caseResolvedMessages, type CaseResolvedProps } from "./case-resolved";
import { proposalAcceptedMessages, type ProposalAcceptedProps } from "./proposal-accepted";
import { proposalAnsweredMessages, type ProposalAnsweredProps } from "./proposal-answered";
import { proposalOfferedMessages, type ProposalOfferedProps } from "./proposal-offered";

const PORTAL = "https://portail.accord.example";
const BACKOFFICE = "https://backoffice.accord.example";
const caseUrl = `${PORTAL}/cases/LIT-2026-000042`;
const staffCaseUrl = `${BACKOFFICE}/cases/LIT-2026-000042`;
const eur = (pattern: string) => new RegExp(pattern.replace(/ /g, "\\s"));

/** Raw values of the enums a template must translate; "finance" is also a French and English word. */
const RAW_VALUES = [...PROPOSAL_KINDS, ...OUTCOMES, "supervisor", "approved", "declined", "countered"];
function expectNoRawValue(email: RenderedEmail, language: "fr" | "en") {
  for (const value of RAW_VALUES) {
    // In English, "refund", "settlement", "rejected"… are words too: only the snake_case ones cannot be.
    if (language === "en" && !value.includes("_")) continue;
    expect(email.text).not.toMatch(new RegExp(`\\b${value}\\b`));
  }
}

/** Paragraphs of the plain-text part stay apart: `before`, a blank line, then `after`. */
function expectParagraphs(email: RenderedEmail, before: string, after: string) {
  const at = email.text.indexOf(before);
  expect(at, before).toBeGreaterThanOrEqual(0);
  expect(email.text.slice(at + before.length)).toMatch(new RegExp(`^\\n\\n${after.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

/** Customer e-mails link to the portal only (never the back-office). */
function expectPortalLinksOnly(email: RenderedEmail) {
  const links = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(new RegExp(`^${PORTAL}/`));
}

const dueDates = [
  { invoiceNumber: "FA-2026-0001", undisputedCents: 80_000, undisputedDueDate: "2026-12-04", remainderCents: 43_456, remainderDueDate: "2027-01-15" },
  { invoiceNumber: "FA-2026-0007", undisputedCents: 0, undisputedDueDate: "2026-11-30", remainderCents: 0, remainderDueDate: "2027-01-15" },
];

describe("proposal-offered e-mail (to the customer)", () => {
  const proposalUrl = `${caseUrl}/proposals/2`;
  const offered: ProposalOfferedProps = {
    name: "Julie Bernard",
    reference: "LIT-2026-000042",
    proposalNumber: 2,
    kind: "credit_note",
    amountExclVatCents: 123_456,
    vatCents: 24_691,
    currency: "EUR",
    expiresOn: "2026-12-18",
    terms: "Avoir imputé sur la prochaine facture.\n\nSous réserve du retour des palettes.",
    concessions: null,
    proposalUrl,
  };

  it("is in French: what is offered in plain words, the three amounts, the last day, the three answers and the link", async () => {
    const email = await expectEmail("proposal-offered", "fr", offered, {
      subject: "Une proposition de règlement pour votre dossier LIT-2026-000042",
      text: ["Bonjour Julie Bernard,", "proposition n° 2", eur("Nous vous proposons un avoir de 1 234,56 € HT."), eur("Montant HT : 1 234,56 €"), eur("TVA : 246,91 €"), eur("Montant TTC : 1 481,47 €"), "jusqu'au vendredi 18 décembre 2026 inclus", "l'accepter, la refuser ou nous faire une contre-proposition", proposalUrl],
      notText: ["concessions réciproques"],
      html: [`href="${proposalUrl}"`, 'lang="fr"'],
    });
    expectNoRawValue(email, "fr");
    expectParagraphs(email, "Avoir imputé sur la prochaine facture.", "Sous réserve du retour des palettes.");
    expectParagraphs(email, "inclus.", "Sur la page de la proposition");
    expectPortalLinksOnly(email);
  });

  it("is in English, with each side's concessions for a settlement", async () => {
    const email = await expectEmail("proposal-offered", "en", { ...offered, kind: "settlement", concessions: { supplier: ["We waive the delivery fees"], customer: ["You drop the late-delivery penalties"] } }, {
      subject: "A settlement proposal for your case LIT-2026-000042",
      text: ["Hello Julie Bernard,", "We offer you a settlement agreement with reciprocal concessions, for €1,234.56 excl. VAT.", "Amount incl. VAT: €1,481.47", "VAT: €246.91", "on our side:", "We waive the delivery fees", "on your side:", "You drop the late-delivery penalties", "until Friday, 18 December 2026 inclusive", "accept it, decline it or make us a counter-proposal"],
      notText: [/Bonjour|HT\b|TTC/],
    });
    expectNoRawValue(email, "en");
  });

  it("says every kind in words, in both languages", async () => {
    for (const kind of PROPOSAL_KINDS) {
      for (const language of EMAIL_LANGUAGES) {
        expectNoRawValue(await renderEmail("proposal-offered", language, { ...offered, kind }), language);
      }
    }
  });

  it("shows only what the customer may see, escaped", async () => {
    // A caller spreading a proposal row would pass more than the props: none of it is shown.
    const row = { ...offered, terms: "<script>x</script>", internalNote: "Marge faible, ne pas aller plus loin", authorName: "Camille Dubois" } as ProposalOfferedProps;
    const email = await renderEmail("proposal-offered", "fr", row);
    expect(email.html).not.toContain("<script>");
    expect(email.text).not.toContain("Marge faible");
    expect(email.text).not.toContain("Camille Dubois");
  });
});

describe("approval-requested e-mail (to an approver)", () => {
  const requested = { name: "Sophie Laurent", reference: "LIT-2026-000042", proposalNumber: 3, kind: "commercial_gesture" as const, amountExclVatCents: 250_000, currency: "EUR", authorName: "Camille Dubois", levels: ["supervisor" as const, "finance" as const], approvalUrl: `${BACKOFFICE}/approvals` };

  it("names the author, the proposal, its kind and amount, and the approvals needed, in French and English", async () => {
    const fr = await expectEmail("approval-requested", "fr", requested, { subject: "Validation demandée : proposition n° 3 du dossier LIT-2026-000042", text: ["Bonjour Sophie Laurent,", "Camille Dubois demande votre validation pour la proposition n° 3 du dossier LIT-2026-000042", "Nature : Geste commercial", eur("Montant : 2 500,00 € HT"), "Validations nécessaires : superviseur, puis finance."], html: [`href="${requested.approvalUrl}"`] });
    expectNoRawValue(fr, "fr");
    const en = await expectEmail("approval-requested", "en", { ...requested, levels: ["finance"] }, { subject: "Approval requested: proposal no. 3 on case LIT-2026-000042", text: ["Kind: Commercial gesture", "Amount: €2,500.00 excl. VAT", "Approval needed: finance."], notText: [/Bonjour|HT\b/] });
    expectNoRawValue(en, "en");
  });
});

describe("approval-decided e-mail (to the author)", () => {
  const decided = { name: "Camille Dubois", reference: "LIT-2026-000042", proposalNumber: 3, decision: "approved" as const, approverName: "Sophie Laurent", level: "supervisor" as const, comment: "D'accord.\n\nPensez à joindre les photos au dossier.", offered: true, caseUrl: staffCaseUrl };

  it("says who approved, at which level, the comment, and that the proposal went to the customer", async () => {
    const email = await expectEmail("approval-decided", "fr", decided, { subject: "Proposition n° 3 validée : dossier LIT-2026-000042", text: ["Sophie Laurent (superviseur) a validé votre proposition n° 3 du dossier LIT-2026-000042.", "la proposition a été envoyée au client"], html: [`href="${staffCaseUrl}"`] });
    expectParagraphs(email, "D'accord.", "Pensez à joindre les photos au dossier.");
    expectNoRawValue(email, "fr");
    await expectEmail("approval-decided", "fr", { ...decided, offered: false }, { text: ["D'autres validations sont encore nécessaires"], notText: ["envoyée au client"] });
  });

  it("says a refusal, in French and English", async () => {
    await expectEmail("approval-decided", "fr", { ...decided, decision: "rejected", level: "finance", offered: false }, { subject: "Proposition n° 3 refusée : dossier LIT-2026-000042", text: ["Sophie Laurent (finance) a refusé votre proposition n° 3", "ne sera pas envoyée au client"] });
    const en = await expectEmail("approval-decided", "en", { ...decided, decision: "rejected", offered: false }, { subject: "Proposal no. 3 rejected: case LIT-2026-000042", text: ["Sophie Laurent (supervisor) rejected your proposal no. 3 on case LIT-2026-000042.", "Their comment:", "will not be sent to the customer"], notText: [/Bonjour|validé/] });
    expectNoRawValue(en, "en");
  });
});

describe("proposal-answered e-mail (to the agent)", () => {
  const answered: ProposalAnsweredProps = { name: "Camille Dubois", reference: "LIT-2026-000042", proposalNumber: 2, answer: "accepted", customerName: "Julie Bernard", comment: null, counter: null, currency: "EUR", caseUrl: staffCaseUrl };

  it("says an acceptance, a refusal with its reason, and a counter-proposal with its kind and amount", async () => {
    await expectEmail("proposal-answered", "fr", answered, { subject: "Proposition n° 2 acceptée par le client : dossier LIT-2026-000042", text: ["Julie Bernard a accepté la proposition n° 2 du dossier LIT-2026-000042.", "compléter la décision"], notText: ["Commentaire du client"], html: [`href="${staffCaseUrl}"`] });
    await expectEmail("proposal-answered", "fr", { ...answered, answer: "declined", comment: "Le montant ne couvre pas nos frais." }, { subject: "Proposition n° 2 refusée par le client : dossier LIT-2026-000042", text: ["Julie Bernard a refusé la proposition n° 2", "Commentaire du client :", "Le montant ne couvre pas nos frais."] });
    const countered = await expectEmail("proposal-answered", "fr", { ...answered, answer: "countered", comment: "Nous acceptons un remboursement.", counter: { kind: "refund", amountExclVatCents: 150_000 } }, { subject: "Contre-proposition du client sur la proposition n° 2 : dossier LIT-2026-000042", text: [eur("Contre-proposition : Remboursement, 1 500,00 € HT."), "en brouillon"] });
    expectNoRawValue(countered, "fr");
    const en = await expectEmail("proposal-answered", "en", { ...answered, answer: "countered", counter: { kind: "price_adjustment", amountExclVatCents: 150_000 } }, { subject: "Customer counter-proposal to proposal no. 2: case LIT-2026-000042", text: ["Julie Bernard answered proposal no. 2 on case LIT-2026-000042 with a counter-proposal.", "Counter-proposal: Price adjustment, €1,500.00 excl. VAT."], notText: [/Bonjour|HT\b/] });
    expectNoRawValue(en, "en");
  });
});

describe("proposal-accepted e-mail (to the customer who accepted)", () => {
  const textSha256 = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
  const agreementSha256 = "9b74c9897bac770ffc029102a200c5de0ca1c2c1b9ee8c0d1f9d3f0d2f6b0c8a";
  const accepted: ProposalAcceptedProps = { name: "Julie Bernard", reference: "LIT-2026-000042", proposalNumber: 2, kind: "credit_note", amountExclVatCents: 123_456, vatCents: 24_691, currency: "EUR", signerName: "Julie B. Bernard", acceptedAt: "2026-12-06T09:30:00.000Z", textSha256, agreementSha256, newDueDates: dueDates, caseUrl };

  it("is in French: the acceptance record, the attached agreement and each invoice's new due dates", async () => {
    const email = await expectEmail("proposal-accepted", "fr", accepted, {
      subject: "Votre acceptation est enregistrée : dossier LIT-2026-000042",
      text: [eur("Vous avez accepté notre proposition n° 2 pour le dossier LIT-2026-000042 : un avoir de 1 234,56 € HT."), eur("Montant TTC : 1 481,47 €"), "Signataire : Julie B. Bernard", "Date et heure : 6 décembre 2026 à 10:30 (heure de Paris)", textSha256, "protocole d'accord est joint à cet e-mail", agreementSha256, "Facture FA-2026-0001 :", eur("partie non contestée, 800,00 € : échéance inchangée, le 4 décembre 2026 ;"), eur("solde, 434,56 € : nouvelle échéance, le 15 janvier 2027."), "Facture FA-2026-0007 :", "plus rien n'est dû sur cette facture."],
      html: [`href="${caseUrl}"`],
    });
    expectNoRawValue(email, "fr");
    expectPortalLinksOnly(email);
    expectParagraphs(email, agreementSha256, "Les nouvelles échéances de vos factures :");
  });

  it("is in English, and without invoices says no due date", async () => {
    const email = await expectEmail("proposal-accepted", "en", accepted, { subject: "Your acceptance is recorded: case LIT-2026-000042", text: ["a credit note of €1,234.56 excl. VAT", "Signed by: Julie B. Bernard", "Date and time: 6 December 2026 at 10:30 (Paris time)", "settlement agreement", "is attached to this e-mail", "undisputed part, €800.00: due date unchanged, 4 December 2026;", "remainder, €434.56: new due date, 15 January 2027."], notText: [/Bonjour|HT\b|Facture/] });
    expectNoRawValue(email, "en");
    await expectEmail("proposal-accepted", "fr", { ...accepted, newDueDates: [] }, { notText: ["nouvelles échéances"] });
  });
});

describe("case-resolved e-mail (to the customer)", () => {
  const resolved: CaseResolvedProps = { name: "Julie Bernard", reference: "LIT-2026-000042", outcome: "partially_upheld", grantedCents: 50_000, penaltiesCents: 4_000, currency: "EUR", publicRationale: "Les photos confirment la casse de deux palettes.\n\nLa troisième était intacte à la livraison.", creditNoteNumber: "AV-2026-0009", newDueDates: dueDates.slice(0, 1), caseUrl };

  it("is in French: the outcome in words, the amounts, the credit note, the public rationale and the new due dates", async () => {
    const email = await expectEmail("case-resolved", "fr", resolved, {
      subject: "Décision sur votre dossier LIT-2026-000042",
      text: ["Votre dossier LIT-2026-000042 est résolu. Après examen, votre réclamation est reconnue fondée en partie.", "Décision : Réclamation partiellement fondée", eur("Montant accordé : 500,00 € HT"), eur("Pénalités contractuelles versées : 40,00 €"), "Numéro de l'avoir : AV-2026-0009", "Facture FA-2026-0001 :", "nouvelle échéance, le 15 janvier 2027."],
      html: [`href="${caseUrl}"`],
    });
    expectParagraphs(email, "Les photos confirment la casse de deux palettes.", "La troisième était intacte à la livraison.");
    expectNoRawValue(email, "fr");
    expectPortalLinksOnly(email);
  });

  it("says every outcome in words, in both languages, and leaves out what is nil", async () => {
    for (const outcome of OUTCOMES) {
      for (const language of EMAIL_LANGUAGES) {
        const email = await renderEmail("case-resolved", language, { ...resolved, outcome, grantedCents: 0, penaltiesCents: 0, publicRationale: null, creditNoteNumber: null, newDueDates: [] });
        expectNoRawValue(email, language);
        expect(email.text).toContain(caseResolvedMessages[language].outcome[outcome]);
        expect(email.text).not.toMatch(/Montant accordé|Pénalités|avoir :|Amount granted|penalties|Credit note number|due dates|échéances/i);
      }
    }
    await expectEmail("case-resolved", "en", resolved, { subject: "Decision on your case LIT-2026-000042", text: ["Your case LIT-2026-000042 is resolved. After examination, your claim is partially upheld.", "Decision: Claim partially upheld", "Amount granted: €500.00 excl. VAT", "Contractual penalties paid: €40.00", "Credit note number: AV-2026-0009", "The grounds for the decision:"], notText: [/Bonjour|HT\b/] });
  });

  it("never shows the internal rationale, even when the caller passes the decision row", async () => {
    const row = { ...resolved, internalRationale: "Client stratégique : geste pour garder le compte" } as CaseResolvedProps;
    for (const language of EMAIL_LANGUAGES) {
      const email = await renderEmail("case-resolved", language, row);
      expect(email.text).not.toContain("Client stratégique");
      expect(email.html).not.toContain("Client stratégique");
    }
  });
});

describe("case-closed e-mail (to the customer)", () => {
  const surveyUrl = `${caseUrl}/survey`;
  const closed = { name: "Julie Bernard", reference: "LIT-2026-000042", surveyUrl, caseUrl };

  it("invites a score from 0 to 10, one link per score, with the plain survey link and the case link", async () => {
    const email = await expectEmail("case-closed", "fr", closed, {
      subject: "Votre dossier LIT-2026-000042 est clos",
      text: ["Bonjour Julie Bernard,", "Votre dossier LIT-2026-000042 est désormais clos.", "de 0 à 10", `${surveyUrl}?score=0`, `${surveyUrl}?score=10`, surveyUrl, caseUrl],
      html: [`href="${surveyUrl}"`, `href="${caseUrl}"`, 'aria-label="Donner la note 9 sur 10"'],
    });
    for (let score = 0; score <= 10; score++) expect(email.html).toContain(`href="${surveyUrl}?score=${score}"`);
    expect(email.html).not.toContain(`score=11`);
    // One score per line in the plain text, not glued together.
    expect(email.text).toMatch(new RegExp(`score=9\\n.*score=10`));
    expectPortalLinksOnly(email);
    await expectEmail("case-closed", "en", closed, { subject: "Your case LIT-2026-000042 is closed", text: ["How would you rate, from 0 to 10, the handling of your case?", "Or answer on this page:"], html: ['aria-label="Give a score of 9 out of 10"'], notText: [/Bonjour|désormais/] });
  });

  it("adds the score to a survey link that already has a query", () => {
    expect(scoreUrl("https://portail.accord.example/survey?case=LIT-2026-000042", 7)).toBe("https://portail.accord.example/survey?case=LIT-2026-000042&score=7");
    expect(scoreUrl(surveyUrl, 0)).toBe(`${surveyUrl}?score=0`);
  });
});

describe("settlement e-mails' catalogues", () => {
  const keys = (messages: object): string[] => Object.entries(messages).flatMap(([key, value]) => (typeof value === "object" && !Array.isArray(value) ? keys(value as object).map((sub) => `${key}.${sub}`) : [key])).sort();
  it("have the same message keys in both languages", () => {
    for (const messages of [proposalOfferedMessages, approvalRequestedMessages, approvalDecidedMessages, proposalAnsweredMessages, proposalAcceptedMessages, caseResolvedMessages, caseClosedMessages]) {
      expect(keys(messages.en)).toEqual(keys(messages.fr));
    }
  });
});
