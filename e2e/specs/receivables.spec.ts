import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { fileClaimInPortal, signedInPage, SUGAR_LINE } from "../support/claims";
import { backofficeUrl, portalUrl } from "../support/fixtures";

/**
 * Issue 11, point 6: while a case is open its invoice is on hold — out of the customer's "à payer" list,
 * shown "En litige" — and finance downloads the ERP export listing the hold. This spec files its own case
 * on Boulangeries Martin's invoice FA-2026-10702, so that it never depends on another spec's cases.
 */
test("a held invoice is out of « À payer », shown « En litige », and finance exports it to the ERP as CSV", async ({ browser }) => {
  const reference = await fileClaimInPortal({ title: "Sucre humide (e2e créances)" });

  // The customer's accountant (a viewer) reads "Mes factures".
  const customer = await signedInPage(browser, portalUrl, "compta@martin.example");
  try {
    const { page } = customer;
    await page.getByRole("link", { name: "Mes factures", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes factures" })).toBeVisible();
    // Other specs file claims on Martin's invoices too: « À payer » may be empty; the held invoice is never in it.
    await expect(page.getByRole("table", { name: "Factures : À payer" }).or(page.getByText(/aucune facture/i)).first()).toBeVisible();
    await expect(page.getByRole("link", { name: SUGAR_LINE.invoice, exact: true })).toHaveCount(0);

    await page.getByRole("link", { name: "En litige", exact: true }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: SUGAR_LINE.invoice, exact: true }) });
    await expect(row).toContainText("En litige — paiement suspendu");
    await expect(row.getByRole("link", { name: reference })).toBeVisible();

    await row.getByRole("link", { name: SUGAR_LINE.invoice, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Facture ${SUGAR_LINE.invoice}` })).toBeVisible();
    await expect(page.getByText("son paiement est suspendu jusqu'à la résolution du litige")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: SUGAR_LINE.product })).toContainText(reference);
  } finally {
    await customer.close();
  }

  // Finance: the invoice on hold, then the ERP export (a period that ends before it starts is refused first).
  const finance = await signedInPage(browser, backofficeUrl, "finance@accord.example");
  try {
    const { page } = finance;
    await page.getByRole("link", { name: "Factures", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Factures et litiges" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("En litige — paiement suspendu");

    const exportForm = page.getByRole("region", { name: "Export ERP" });
    await exportForm.getByLabel("Du", { exact: true }).fill("2026-12-31");
    await exportForm.getByLabel("Au", { exact: true }).fill("2026-01-01");
    await exportForm.getByRole("button", { name: "Télécharger le CSV" }).click();
    await expect(page.getByText("La date de fin doit être égale ou postérieure à la date de début.")).toBeVisible();

    const form = page.getByRole("region", { name: "Export ERP" });
    await form.getByLabel("Du", { exact: true }).fill("2020-01-01");
    await form.getByLabel("Au", { exact: true }).fill("2030-12-31");
    const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Télécharger le CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^accord-export-erp-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const [header, ...records] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "event;event_date;case_reference;customer_code;customer_name;invoice_number;currency;invoice_amount;disputed_amount;undisputed_amount;due_date;remainder_amount;new_due_date;credited_amount;amount_excl_vat;vat_amount;amount_incl_vat;credit_note_number",
    );
    const hold = records.find((record) => record.startsWith("hold;") && record.includes(`;${reference};`));
    expect(hold, `a hold row for ${reference}`).toBeTruthy();
    expect(hold!.split(";")[5]).toBe(SUGAR_LINE.invoice);
    expect(hold!.split(";")[6]).toBe("EUR");
  } finally {
    await finance.close();
  }
});
