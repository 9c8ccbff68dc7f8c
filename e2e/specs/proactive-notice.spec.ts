import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, startInvestigationAsAgent } from "../support/claims";
import { backofficeUrl, expectAccessible, signIn } from "../support/fixtures";
import { waitForEmail } from "../support/mailbox";

// Issue 12, journey 4: a quality case on a lot that another customer received too. The demo seed puts
// Boulangeries Martin's flour lot L2026-1102 on a Hôtel du Port invoice (FA-2026-10661).
test.setTimeout(240_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const LOT = "L2026-1102";
/** Boulangeries Martin's flour of that lot (invoice FA-2026-10702). */
const FLOUR_LINE = { invoice: "FA-2026-10702", line: 1, product: "Farine de blé T55 — sac de 25 kg" };

test("the proactive notice of a quality case reaches the other customer who received the lot", async ({ browser, page }) => {
  const reference = await fileClaimInPortal({ title: `Farine du lot ${LOT} humide ${Date.now()}`, lotNumber: LOT, line: FLOUR_LINE, description: "Deux sacs de farine sont arrivés humides." });
  const sentAfter = Date.now();
  await startInvestigationAsAgent(page, reference);

  // The lot is known, but the root cause is not a quality one yet: no notice offered.
  await expect(section(page, "Communication proactive")).toContainText(`Lot connu (${LOT})`);
  const rootCause = section(page, "Cause racine");
  await rootCause.getByLabel("Cause racine", { exact: true }).selectOption({ label: "Matière première non conforme" });
  await rootCause.getByRole("button", { name: "Enregistrer la cause racine" }).click();
  await expect(page.getByText("Cause racine enregistrée.")).toBeVisible();

  // The other customer who received the lot, with its invoice line and who will be told.
  const block = section(page, "Communication proactive");
  const hotel = block.getByRole("row", { name: /Hôtel du Port SARL/ });
  await expect(hotel).toContainText("Facture FA-2026-10661, ligne 1 : Farine de blé T55 — sac de 25 kg");
  await expect(hotel).toContainText("Isabelle Le Goff");
  await expect(hotel).toContainText("Pas encore envoyée");
  // Never the case's own customer.
  await expect(block.getByRole("row", { name: /Boulangeries Martin/ })).toHaveCount(0);
  await expectAccessible(page);

  // The message is prefilled and editable.
  const message = block.getByLabel("Message");
  await expect(message).toHaveValue(new RegExp(`lot ${LOT}`));
  await message.fill(`Par précaution : vérifiez les sacs de farine du lot ${LOT} encore en stock. Nous reprenons sans frais ceux qui sont humides.`);
  await expect(block.getByLabel("Hôtel du Port SARL")).toBeChecked();
  await block.getByRole("button", { name: "Envoyer la communication" }).click();
  await expect(page.getByText("Communication proactive envoyée.")).toBeVisible();

  // Recorded on the case: the notice and the timeline; no second send is offered.
  await expect(section(page, "Communication proactive").getByRole("row", { name: /Hôtel du Port SARL/ }).getByTestId("proactive-sent")).toContainText(/par Camille Dubois \(\d+ destinataire\(s\)\)/);
  await expect(section(page, "Communication proactive").getByRole("button", { name: "Envoyer la communication" })).toHaveCount(0);
  await expect(section(page, "Historique complet").getByRole("row", { name: /Communication proactive envoyée/ })).toContainText("Interne");

  // The e-mail, in Hôtel du Port's contact's mailbox: the lot, their own invoice, the message; nothing of Martin or the case.
  const email = await waitForEmail("admin@hotelduport.example", { subject: new RegExp(`Information qualité : lot ${LOT}`), after: sentAfter });
  expect(email.text).toContain("Facture FA-2026-10661 — Farine de blé T55 — sac de 25 kg");
  expect(email.text).toContain("Nous reprenons sans frais ceux qui sont humides.");
  expect(email.text).not.toContain(reference);
  expect(email.text).not.toContain("Boulangeries Martin");

  // The same e-mail in the back-office's dev mailbox (staff admin).
  const admin = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, backofficeUrl, "admin@accord.example");
  await expect(adminPage).not.toHaveURL(/\/login/);
  await adminPage.goto(`${backofficeUrl}/mailbox`);
  await expect(adminPage.getByRole("row", { name: new RegExp(`admin@hotelduport.example.*Information qualité : lot ${LOT}`) }).first()).toBeVisible();
  await admin.close();
});
