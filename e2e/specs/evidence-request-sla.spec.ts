import { expect, test, type Page } from "@playwright/test";
import { fileClaimInPortal, signedInPage, startInvestigationAsAgent } from "../support/claims";
import { expectAccessible, portalUrl } from "../support/fixtures";
import { linkIn, waitForEmail } from "../support/mailbox";

// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
// A whole journey through both apps and the mailbox: more than the default minute on a loaded machine.
test.setTimeout(180_000);

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("an evidence request pauses the SLA clock on the case page, and the customer's answer in the portal resumes it", async ({ browser, page }) => {
  const reference = await fileClaimInPortal({ title: "Sucre en grumeaux" });
  await startInvestigationAsAgent(page, reference);
  await expect(page.getByTestId("sla-clock")).toHaveText("Horloge : En cours");
  await expect(section(page, "Délais (SLA)")).toContainText("Aucune suspension.");

  // A past due date is refused next to the field; the items typed are kept.
  const requests = section(page, "Demandes de pièces");
  await requests.getByLabel("Pièces demandées (une par ligne)").fill("Photos des sacs\nBon de livraison signé");
  await requests.getByLabel("À fournir avant le").fill("2020-01-01");
  await requests.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByLabel("À fournir avant le")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Pièces demandées (une par ligne)")).toHaveValue("Photos des sacs\nBon de livraison signé");
  const before = Date.now() - 1000;
  await page.getByLabel("À fournir avant le").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("Demande envoyée au client ; le délai SLA est suspendu.")).toBeVisible();

  // The SLA panel says paused, with the interval still open.
  await expect(page.getByTestId("case-status")).toHaveText("En attente du client");
  await expect(page.getByTestId("sla-clock")).toHaveText("Horloge : Suspendue (en attente du client)");
  await expect(page.getByTestId("paused-intervals")).toContainText("En attente du client");
  await expect(page.getByTestId("paused-intervals")).toContainText("(en cours)");
  await expect(page.getByText("Horloge suspendue")).toBeVisible();
  await expect(page.getByTestId("evidence-requests")).toContainText("En attente");
  await expectAccessible(page);

  // The customer answers in the portal with a file.
  const email = await waitForEmail("achats@martin.example", { subject: new RegExp(`Informations demandées pour votre dossier ${reference}`), after: before });
  const customer = await signedInPage(browser, portalUrl, "achats@martin.example");
  await customer.page.goto(linkIn(email, `${portalUrl}/cases/`));
  const answer = customer.page.locator("form").filter({ has: customer.page.getByRole("button", { name: "Envoyer ma réponse" }) });
  await answer.getByLabel("Votre réponse").fill("Photos jointes.");
  await answer.getByLabel("Pièces jointes").setInputFiles({ name: "sacs.png", mimeType: "image/png", buffer: PNG });
  await expect(answer.locator('input[type="hidden"][name="uploadIds"]')).toHaveCount(1);
  await answer.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(customer.page.getByText("Votre réponse a été envoyée.")).toBeVisible();
  await customer.close();

  // Back in the back-office: the clock runs again, the pause has an end.
  await page.reload();
  await expect(page.getByTestId("case-status")).toHaveText("En instruction");
  await expect(page.getByTestId("sla-clock")).toHaveText("Horloge : En cours");
  await expect(page.getByTestId("paused-intervals")).not.toContainText("(en cours)");
  await expect(page.getByTestId("paused-intervals")).toContainText(/ au \d{1,2} \S+ \d{4}/);
  await expect(page.getByTestId("evidence-requests")).toContainText("Répondue");
  await expect(section(page, "Pièces")).toContainText("sacs.png");
  await expectAccessible(page);
});
