import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { readMailbox, waitForEmail } from "../support/mailbox";

/**
 * Issue 14, point 3 (ADR 0037): finance imports an invoice with its lines from the ERP, then a payment;
 * the customer downloads the claims template, imports a file with a bad row (refused, nothing created),
 * then the corrected file: two claims with channel CSV, in the portal and the back-office queue, and
 * exactly one acknowledgement each. The invoice number is this run's own, so no other spec touches it.
 */
test("ERP invoices and payments, then a customer's claims imported from a spreadsheet", async ({ browser }) => {
  const invoice = `FA-E2E-CSV-${Date.now()}`;

  // Finance: invoices + lines, then a payment.
  const finance = await signedInPage(browser, backofficeUrl, "finance@accord.example");
  try {
    const { page } = finance;
    await page.getByRole("link", { name: "Factures", exact: true }).click();
    await page.getByRole("link", { name: "Importer depuis l'ERP (CSV)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Imports ERP" })).toBeVisible();
    await expectAccessible(page);

    const invoicesSection = page.getByRole("region", { name: "Factures et lignes" });
    const [template] = await Promise.all([page.waitForEvent("download"), invoicesSection.getByRole("link", { name: "Télécharger le modèle (CSV)" }).click()]);
    expect(template.suggestedFilename()).toBe("modele-factures.csv");
    const templateText = await readFile((await template.path())!, "utf8");
    expect(templateText.startsWith("\uFEFFcompte;siren;numero_facture;date_facture")).toBe(true);

    // Excel's French CSV: windows-1252, `;`, decimal comma, JJ/MM/AAAA.
    const rows = [
      "compte;numero_facture;date_facture;date_echeance;ligne;designation;quantite;unite;prix_unitaire;taux_tva;lot",
      `C-20417;${invoice};02/11/2026;02/12/2026;1;Café en grains « maison »;20;kg;14,50;5,5;L-CAFE-77`,
      `C-20417;${invoice};;;2;Thé vert bio;10;boîte;6,20;5,5;`,
    ];
    await invoicesSection.getByLabel("Fichier des factures (CSV)").setInputFiles({ name: "factures.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\r\n"), "latin1") });
    await invoicesSection.getByRole("button", { name: "Importer" }).click();
    const report = page.getByRole("region", { name: /Rapport d'import/ });
    await expect(report.getByText("Import réussi.")).toBeVisible();
    await expect(report).toContainText("1 facture(s) créée(s), 0 mise(s) à jour.");

    const paymentsSection = page.getByRole("region", { name: "Paiements" });
    await paymentsSection
      .getByLabel("Fichier des paiements (CSV)")
      .setInputFiles({ name: "paiements.csv", mimeType: "text/csv", buffer: Buffer.from(`compte;numero_facture;reference_paiement;date_paiement;montant\r\nC-20417;${invoice};VIR-E2E-1;20/11/2026;100,00\r\n`) });
    await paymentsSection.getByRole("button", { name: "Importer" }).click();
    await expect(page.getByRole("region", { name: /Rapport d'import/ })).toContainText("1 paiement(s) enregistré(s) sur 1 facture(s)");
    // Both imports are listed with their file names.
    const history = page.getByRole("table", { name: "Imports précédents" });
    await expect(history.getByRole("link", { name: "factures.csv" }).first()).toBeVisible();
    await expect(history.getByRole("link", { name: "paiements.csv" }).first()).toBeVisible();

    await page.getByRole("link", { name: "Voir les factures" }).click();
    await expect(page.getByRole("row").filter({ hasText: invoice })).toContainText("Hôtel du Port");
  } finally {
    await finance.close();
  }

  // The customer: template, a file with a bad row (refused), then the corrected one.
  const startedAt = Date.now();
  const customer = await signedInPage(browser, portalUrl, "admin@hotelduport.example");
  const references: string[] = [];
  try {
    const { page } = customer;
    await page.locator("nav.app-nav").getByRole("link", { name: "Importer des réclamations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Importer des réclamations" })).toBeVisible();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le modèle (CSV)" }).click()]);
    const template = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    const [header] = template.split("\r\n");
    expect(header).toBe(
      "reference_client;type;code_motif;titre;description;resultat_souhaite;precision_resultat;numero_facture;ligne;quantite_contestee;prix_unitaire_conteste;montant_reclame;produit;lot;bon_livraison;date_reception;reserves;reference_contrat;reference_conformite",
    );
    const row = (cells: Record<string, string>) => header!.split(";").map((name) => cells[name] ?? "").join(";");
    const good = [
      row({ reference_client: "HP-1", type: "qualité", titre: "Café éventé", description: '"Goût de rance;\nà l\'ouverture"', resultat_souhaite: "avoir", numero_facture: invoice, ligne: "1", quantite_contestee: "2,5", produit: "Café en grains", lot: "L-CAFE-77" }),
      row({ reference_client: "HP-2", type: "prix", titre: "Thé facturé trop cher", description: "Le tarif est 5,90", resultat_souhaite: "avoir", numero_facture: invoice, ligne: "2", prix_unitaire_conteste: "5,90" }),
    ];
    const bad = [good[0]!, row({ reference_client: "HP-2", type: "prix", titre: "Thé", description: "x", resultat_souhaite: "avoir", numero_facture: invoice, ligne: "9", prix_unitaire_conteste: "5,90" })];

    await page.getByLabel("Fichier CSV").setInputFiles({ name: "reclamations-erreur.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[header, ...bad].join("\r\n")}\r\n`) });
    await page.getByRole("button", { name: "Importer" }).click();
    const refused = page.getByRole("region", { name: /Rapport d'import/ });
    await expect(refused.getByText(/Import refusé : aucune ligne n'a été enregistrée/)).toBeVisible();
    await expect(refused.getByRole("row").filter({ hasText: "ligne" }).filter({ hasText: `La facture ${invoice} n'a pas de ligne 9.` })).toContainText("3");
    await expectAccessible(page);

    await page.getByLabel("Fichier CSV").setInputFiles({ name: "reclamations.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[header, ...good].join("\r\n")}\r\n`) });
    await page.getByRole("button", { name: "Importer" }).click();
    const imported = page.getByRole("region", { name: /Rapport d'import/ });
    await expect(imported.getByText("Import réussi.")).toBeVisible();
    await expect(imported).toContainText("2 réclamations créées :");
    for (const link of await imported.getByRole("link", { name: /^LIT-\d{4}-\d{6}$/ }).all()) references.push((await link.textContent())!.trim());
    expect(references).toHaveLength(2);

    await page.getByRole("link", { name: references[0]! }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Café éventé");
    await expect(page.getByText("import CSV")).toBeVisible();
  } finally {
    await customer.close();
  }

  // The back-office queue, filtered on the CSV channel, shows both; the case page names the channel.
  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  try {
    const { page } = agent;
    await page.goto(`${backofficeUrl}/?channel=csv`);
    for (const reference of references) await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await page.getByRole("link", { name: references[1]! }).click();
    await expect(page.getByText("Canal : Import CSV")).toBeVisible();
  } finally {
    await agent.close();
  }

  // Exactly one acknowledgement per claim (the refused file sent none).
  for (const reference of references) await waitForEmail("admin@hotelduport.example", { subject: new RegExp(reference), after: startedAt });
  const mailbox = await readMailbox();
  for (const reference of references) {
    expect(mailbox.filter((m) => m.to.includes("admin@hotelduport.example") && m.subject === `Réclamation reçue : dossier ${reference}`)).toHaveLength(1);
  }
});

test("the import page shows its progress while the file is sent, and works without JavaScript", async ({ browser }) => {
  const file = (title: string) => ({
    name: "reclamation-inconnue.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`reference_client;type;titre;description;resultat_souhaite;numero_facture;ligne;quantite_contestee\r\nX-1;autre;${title};Écart;avoir;FA-INCONNUE;1;1\r\n`),
  });

  // With JavaScript: the progress bar shows while the post is on its way (held here until it has been seen).
  const withJs = await signedInPage(browser, portalUrl, "achats@martin.example");
  try {
    const { page } = withJs;
    await page.goto(`${portalUrl}/claims/import`);
    await expect(page.locator('form[enctype="multipart/form-data"][data-enhanced]')).toHaveCount(1);
    await page.getByLabel("Fichier CSV").setInputFiles(file("Avec JavaScript"));
    let seen = false;
    await page.route(`${portalUrl}/claims/import`, async (route) => {
      if (route.request().method() === "POST") {
        await expect(page.getByRole("progressbar", { name: "Envoi et vérification du fichier…" })).toBeVisible();
        seen = true;
      }
      await route.continue();
    });
    await page.getByRole("button", { name: "Importer" }).click();
    await expect(page.getByRole("region", { name: /Rapport d'import/ }).getByText("La facture FA-INCONNUE est introuvable.")).toBeVisible();
    expect(seen).toBe(true);
  } finally {
    await withJs.close();
  }

  // Without JavaScript: the form posts and the page shows the same report.
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await signIn(page, portalUrl, "achats@martin.example");
    await page.goto(`${portalUrl}/claims/import`);
    await page.getByLabel("Fichier CSV").setInputFiles(file("Sans JavaScript"));
    await page.getByRole("button", { name: "Importer" }).click();
    const report = page.getByRole("region", { name: /Rapport d'import/ });
    await expect(report.getByText(/Import refusé/)).toBeVisible();
    await expect(report.getByRole("row").filter({ hasText: "La facture FA-INCONNUE est introuvable." })).toContainText("numero_facture");
  } finally {
    await context.close();
  }
});
