/**
 * One realistic sample of every registered template's props (ADR 0033): what `npm run email` previews
 * in French and English, and what the all-templates test renders. The mapped type makes a new template
 * without a sample a compile error. Names, companies and numbers are the demo data's.
 */
import type { EmailSender } from "./layout";
import type { EmailTemplateName, EmailTemplateProps } from "./registry";

const PORTAL = "https://portail.accord.example";
const BACKOFFICE = "https://backoffice.accord.example";
const REFERENCE = "LIT-2026-000142";

/** Who signs the samples (queueEmail adds it to every e-mail). */
export const PREVIEW_SENDER: EmailSender = {
  supplier: { legalName: "Minoterie Accord SAS", siren: "552100554", vatNumber: "FR44552100554", address: "12 rue des Moulins, 69002 Lyon, France" },
  agentName: "Camille Dubois",
};

const newDueDates = [
  { invoiceNumber: "FA-2026-10702", undisputedCents: 1_245_000, undisputedDueDate: "2026-12-15", remainderCents: 18_400, remainderDueDate: "2027-01-15" },
];

export const previewProps: { [Name in EmailTemplateName]: EmailTemplateProps[Name] } = {
  "password-reset": { name: "Claire Dupont", resetUrl: `${PORTAL}/reset-password?token=preview-token` },
  "staff-welcome": { name: "Julien Moreau", createdByName: "Nadia Benali", setPasswordUrl: `${BACKOFFICE}/reset-password?token=preview-token`, expiresAt: "2026-12-09T09:00:00.000Z" },
  "case-reply": {
    name: "Paul Martin",
    reference: REFERENCE,
    body: "Bonjour,\nNous avons bien reçu vos photos des sacs de sucre abîmés.\nNotre transporteur confirme l'incident du 28 novembre.",
    articles: [{ title: "Comment photographier un colis endommagé", url: `${PORTAL}/help/photos-colis` }],
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-assigned": { name: "Camille Dubois", reference: REFERENCE, title: "Sucre humide à la livraison", assignedBy: "Julien Moreau", caseUrl: `${BACKOFFICE}/cases/${REFERENCE}` },
  "case-rejected": {
    name: "Paul Martin",
    reference: REFERENCE,
    reasons: ["La réclamation est arrivée après le délai contractuel de 30 jours suivant la livraison."],
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-merged": { name: "Paul Martin", reference: "LIT-2026-000143", originalReference: REFERENCE, originalUrl: `${PORTAL}/cases/${REFERENCE}` },
  "stakeholder-notified": {
    name: "Service qualité Martin",
    reference: REFERENCE,
    title: "Sucre humide à la livraison",
    accountName: "Boulangeries Martin",
    sentBy: "Camille Dubois",
    message: "Pour information, l'enquête transporteur est en cours ; nous revenons vers vous sous 48 heures.",
    caseUrl: null,
  },
  invitation: {
    name: "Camille Nouveau",
    inviterName: "Paul Martin",
    companyName: "Boulangeries Martin",
    acceptUrl: `${PORTAL}/invitations/preview-token`,
    expiresAt: "2026-12-13T09:00:00.000Z",
    role: "member",
  },
  "claim-acknowledged": {
    name: "Paul Martin",
    reference: REFERENCE,
    type: "quality",
    title: "Sucre humide à la livraison",
    lines: [{ invoiceNumber: "FA-2026-10702", description: "Sucre semoule — sac de 25 kg" }],
    claimedCents: 18_400,
    vatCents: 1_012,
    currency: "EUR",
    fileCount: 2,
    firstResponse: { unit: "business_hours", value: 8 },
    resolution: { unit: "business_days", value: 10 },
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "information-requested": {
    name: "Paul Martin",
    reference: REFERENCE,
    items: ["Photo du numéro de lot sur le sac", "Bon de livraison signé"],
    message: "Ces deux pièces nous permettront de faire jouer l'assurance du transporteur.",
    dueDate: "2026-12-11",
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-withdrawn": { name: "Paul Martin", reference: REFERENCE, reason: "Le transporteur nous a remplacé les sacs directement.", caseUrl: `${PORTAL}/cases/${REFERENCE}` },
  "customer-replied": { name: "Camille Dubois", reference: REFERENCE, customerName: "Paul Martin", attachments: 2, caseUrl: `${BACKOFFICE}/cases/${REFERENCE}` },
  "proposal-offered": {
    name: "Paul Martin",
    reference: REFERENCE,
    proposalNumber: 1,
    kind: "credit_note",
    amountExclVatCents: 18_400,
    vatCents: 1_012,
    currency: "EUR",
    expiresOn: "2026-12-20",
    terms: "Un avoir de 184,00 € HT sur la facture FA-2026-10702 pour les deux sacs de sucre abîmés.",
    concessions: null,
    proposalUrl: `${PORTAL}/cases/${REFERENCE}/proposal`,
  },
  "approval-requested": {
    name: "Julien Moreau",
    reference: REFERENCE,
    proposalNumber: 1,
    kind: "credit_note",
    amountExclVatCents: 18_400,
    currency: "EUR",
    authorName: "Camille Dubois",
    levels: ["supervisor"],
    approvalUrl: `${BACKOFFICE}/approvals`,
  },
  "approval-decided": {
    name: "Camille Dubois",
    reference: REFERENCE,
    proposalNumber: 1,
    decision: "approved",
    approverName: "Julien Moreau",
    level: "supervisor",
    comment: "D'accord, le transporteur nous rembourse.",
    offered: true,
    caseUrl: `${BACKOFFICE}/cases/${REFERENCE}`,
  },
  "proposal-answered": {
    name: "Camille Dubois",
    reference: REFERENCE,
    proposalNumber: 1,
    answer: "countered",
    customerName: "Paul Martin",
    comment: "Nous avons aussi dû jeter un troisième sac.",
    counter: { kind: "credit_note", amountExclVatCents: 27_600 },
    currency: "EUR",
    caseUrl: `${BACKOFFICE}/cases/${REFERENCE}`,
  },
  "proposal-accepted": {
    name: "Paul Martin",
    reference: REFERENCE,
    proposalNumber: 1,
    kind: "credit_note",
    amountExclVatCents: 18_400,
    vatCents: 1_012,
    currency: "EUR",
    signerName: "Paul Martin",
    acceptedAt: "2026-12-08T14:32:00.000Z",
    textSha256: "3f5a".repeat(16),
    agreementSha256: "9c1e".repeat(16),
    newDueDates,
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-resolved": {
    name: "Paul Martin",
    reference: REFERENCE,
    outcome: "upheld",
    grantedCents: 18_400,
    penaltiesCents: 0,
    currency: "EUR",
    publicRationale: "Le transporteur a reconnu l'avarie.",
    creditNoteNumber: "AV-2026-0042",
    newDueDates,
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-closed": { name: "Paul Martin", reference: REFERENCE, surveyUrl: `${PORTAL}/cases/${REFERENCE}/survey`, caseUrl: `${PORTAL}/cases/${REFERENCE}` },
  "proactive-notice": {
    name: "Isabelle Le Goff",
    accountName: "Hôtel du Port SARL",
    lotNumber: "L2026-1102",
    lines: [{ invoiceNumber: "FA-2026-10661", description: "Farine de blé T65 — sac de 25 kg" }],
    message: "Nous avons identifié une humidité excessive sur une partie du lot L2026-1102. Vérifiez vos sacs avant emploi : nous remplaçons sans frais ceux qui présentent des grumeaux.",
    reportUrl: `${PORTAL}/claims/new`,
  },
  "mediation-started": { name: "Paul Martin", reference: REFERENCE, mediatorName: "Hélène Marchand", mediatorOrganisation: "Médiateur des entreprises", caseUrl: `${PORTAL}/cases/${REFERENCE}` },
  "sla-warning": { name: "Camille Dubois", reference: REFERENCE, title: "Sacs de sucre abîmés à la livraison", target: "first_response", dueAt: "2026-12-08T10:30:00.000Z", caseUrl: `${BACKOFFICE}/cases/${REFERENCE}` },
  "sla-breach": {
    name: "Sophie Laurent",
    reference: REFERENCE,
    title: "Sacs de sucre abîmés à la livraison",
    target: "resolution",
    dueAt: "2026-12-08T17:00:00.000Z",
    priorityBefore: "P3",
    priorityAfter: "P2",
    assigneeName: "Camille Dubois",
    caseUrl: `${BACKOFFICE}/cases/${REFERENCE}`,
  },
  "inactivity-reminder": { name: "Camille Dubois", reference: REFERENCE, title: "Sacs de sucre abîmés à la livraison", businessDays: 3, lastActivityAt: "2026-12-02T15:12:00.000Z", caseUrl: `${BACKOFFICE}/cases/${REFERENCE}` },
  "customer-reminder": {
    name: "Paul Martin",
    reference: REFERENCE,
    about: "evidence_request",
    step: 2,
    items: ["Photos des sacs abîmés", "Bon de livraison signé"],
    closesAfterBusinessDays: 5,
    caseUrl: `${PORTAL}/cases/${REFERENCE}`,
  },
  "case-abandoned": { name: "Paul Martin", reference: REFERENCE, caseUrl: `${PORTAL}/cases/${REFERENCE}` },
  "pre-due-reminder": {
    name: "Paul Martin",
    invoices: [
      { number: "FA-2026-10702", dueDate: "2026-12-15", amountDueCents: 1_263_400, currency: "EUR", reportUrl: `${PORTAL}/claims/new?invoice=FA-2026-10702` },
      { number: "FA-2026-10718", dueDate: "2026-12-18", amountDueCents: 48_960, currency: "EUR", reportUrl: `${PORTAL}/claims/new?invoice=FA-2026-10718` },
    ],
    preferencesUrl: `${PORTAL}/profile`,
  },
};

/** The sample of a template, with the sender queueEmail would add. */
export function previewPropsOf<Name extends EmailTemplateName>(name: Name): EmailTemplateProps[Name] {
  return { ...previewProps[name], sender: PREVIEW_SENDER };
}
