import { checklistTemplates, customerAccounts, kbArticles, priceAgreements, priceIndexValues, responseTemplates, type Tx } from "@accord/db";
import { inArray } from "drizzle-orm";

/**
 * Demo settings on top of the demo accounts (issue 6): contracted prices (one indexed on a
 * published index, with its monthly values), checklist templates for quality, delivery and price
 * claims, two response templates and two published help articles. Called once by the demo seed.
 */
export async function seedDemoSettings(tx: Tx, now: Date): Promise<void> {
  const accounts = await tx
    .select({ id: customerAccounts.id, erpCode: customerAccounts.erpCode, name: customerAccounts.name })
    .from(customerAccounts)
    .where(inArray(customerAccounts.name, ["Boulangeries Martin SAS", "Hôtel du Port SARL"]));
  const martin = accounts.find((a) => a.name === "Boulangeries Martin SAS");
  const hotel = accounts.find((a) => a.name === "Hôtel du Port SARL");
  const year = now.getUTCFullYear();

  if (martin) {
    await tx.insert(priceAgreements).values([
      {
        accountId: martin.id,
        productCode: "FAR-T65-25",
        description: "Farine de blé T65 — sac de 25 kg",
        unitPriceCents: 1790,
        validFrom: `${year - 1}-01-01`,
        validTo: `${year + 1}-12-31`,
        indexation: { indexCode: "INSEE-FARINE", baseValue: "110.0" },
      },
      { accountId: martin.id, productCode: "LEV-500", description: "Levure fraîche — pain de 500 g", unitPriceCents: 215, validFrom: `${year - 1}-01-01`, validTo: null, indexation: null },
      { accountId: martin.id, productCode: "FAR-T55-25", description: "Farine de blé T55 — sac de 25 kg", unitPriceCents: 1690, validFrom: `${year - 1}-01-01`, validTo: null, indexation: null },
    ]);
  }
  if (hotel) {
    await tx.insert(priceAgreements).values([
      { accountId: hotel.id, productCode: "CAFE-GR-1K", description: "Café en grains — 1 kg", unitPriceCents: 1790, validFrom: `${year - 1}-06-01`, validTo: null, indexation: null },
    ]);
  }
  // Twelve monthly values of the index, ending with the current month, rising slowly from 110.
  const months = Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(year, now.getUTCMonth() - 11 + i, 1));
    return { indexCode: "INSEE-FARINE", month: date.toISOString().slice(0, 10), value: (110 + i * 0.4).toFixed(1) };
  });
  await tx.insert(priceIndexValues).values(months).onConflictDoNothing();

  await tx.insert(checklistTemplates).values([
    {
      name: "Réclamation qualité",
      caseType: "quality",
      items: [
        { titleFr: "Obtenir les photos et le numéro de lot", titleEn: "Get the photos and the lot number", dueInBusinessDays: 1 },
        { titleFr: "Demander l'analyse du laboratoire qualité", titleEn: "Ask the quality lab for an analysis", dueInBusinessDays: 3 },
        { titleFr: "Vérifier les autres livraisons du même lot", titleEn: "Check the other deliveries of the same lot", dueInBusinessDays: 3 },
      ],
    },
    {
      name: "Réclamation livraison",
      caseType: "delivery",
      items: [
        { titleFr: "Récupérer la preuve de livraison signée", titleEn: "Get the signed proof of delivery", dueInBusinessDays: 1 },
        { titleFr: "Interroger le transporteur", titleEn: "Ask the carrier", dueInBusinessDays: 2 },
      ],
    },
    {
      name: "Réclamation prix / facturation",
      caseType: "price_billing",
      items: [
        { titleFr: "Comparer au prix contractuel et à l'indexation", titleEn: "Compare with the contracted price and indexation", dueInBusinessDays: 1 },
        { titleFr: "Faire valider l'avoir par la finance", titleEn: "Have finance approve the credit note", dueInBusinessDays: 3 },
      ],
    },
  ]);

  await tx.insert(responseTemplates).values([
    {
      name: "Accusé de réception détaillé",
      caseType: null,
      bodyFr:
        "Bonjour {{customerName}},\n\nNous avons bien reçu votre réclamation {{reference}}. Notre équipe l'examine et reviendra vers vous au plus tard le {{deadline}}.\n\nCordialement,",
      bodyEn: "Hello {{customerName}},\n\nWe have received your claim {{reference}}. Our team is looking into it and will get back to you by {{deadline}} at the latest.\n\nKind regards,",
    },
    {
      name: "Demande de photos (qualité)",
      caseType: "quality",
      bodyFr:
        "Bonjour {{customerName}},\n\nPour instruire le dossier {{reference}}, pourriez-vous nous transmettre des photos du produit et de son étiquette (numéro de lot) avant le {{deadline}} ?\n\nMerci d'avance,",
      bodyEn:
        "Hello {{customerName}},\n\nTo look into case {{reference}}, could you send us photos of the product and its label (lot number) before {{deadline}}?\n\nThank you in advance,",
    },
  ]);

  await tx.insert(kbArticles).values([
    {
      slug: "deposer-une-reclamation",
      titleFr: "Déposer une réclamation",
      titleEn: "Filing a claim",
      bodyFr:
        "Depuis l'accueil du portail, choisissez « Signaler un problème » (ou le même lien à côté d'une de vos factures), sélectionnez la facture et les lignes concernées, décrivez le problème et joignez vos pièces (photos, bon de livraison), puis « Vérifier ma réclamation » avant de l'envoyer.\n\nVous recevez un accusé de réception avec la référence du dossier et nos délais d'engagement.",
      bodyEn:
        "From the portal's home page, choose “Report a problem” (or the same link beside one of your invoices), select the invoice and the lines concerned, describe the problem and attach your files (photos, delivery note), then “Check my claim” before sending it.\n\nYou receive an acknowledgement with the case reference and our committed response times.",
      published: true,
      publishedAt: now,
    },
    {
      slug: "suivre-un-dossier",
      titleFr: "Suivre un dossier",
      titleEn: "Following a case",
      bodyFr:
        "La page « Mes dossiers » montre l'état de chaque dossier et ce qui est attendu de vous. Quand nous vous demandons une pièce, le délai de traitement est suspendu jusqu'à votre réponse.",
      bodyEn: "The “My cases” page shows the status of each case and what is expected from you. When we ask you for a document, the processing clock pauses until you answer.",
      published: true,
      publishedAt: now,
    },
  ]);
}
