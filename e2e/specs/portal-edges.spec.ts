import { expect, test } from "@playwright/test";
import { fileClaimInPortal, fillQualityClaim, signedInPage } from "../support/claims";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";

// Issue 10, points 9 and 11: what a customer reads of a merged case, and of a colleague's open case.

test("a merged case names the case it is followed in and links it for a customer who may open it", async ({ browser, page }) => {
  // Two claims filed through the form, then a merge: on a loaded machine (CI under stress-ng) 2 minutes were not enough.
  test.setTimeout(240_000);
  const stamp = Date.now();
  const original = await fileClaimInPortal({ title: `Sucre humide ${stamp}` });
  const duplicate = await fileClaimInPortal({ title: `Sucre humide, encore ${stamp}` });

  const agent = await signedInPage(browser, backofficeUrl, "agent@accord.example");
  await agent.page.goto(`${backofficeUrl}/cases/${duplicate}`);
  await agent.page.getByLabel("Référence du dossier original").fill(original);
  await agent.page.getByRole("button", { name: "Marquer comme doublon et fusionner" }).click();
  await expect(agent.page.getByText("Le dossier a été fusionné dans son original ; le client en est informé.")).toBeVisible();
  await agent.close();

  // The member who filed both opens the merged one.
  await signIn(page, portalUrl, "achats@martin.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${portalUrl}/cases/${duplicate}`);
  await expect(page.getByText(`Ce dossier a été fusionné avec le dossier ${original} : il est désormais suivi sous cette référence.`)).toBeVisible();
  await expect(page.getByText(`Nos délais courent désormais dans le dossier ${original}.`)).toBeVisible();
  await expect(page.getByText(/fait le/)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Ouvrir le dossier ${original}` }).click();
  await expect(page).toHaveURL(`${portalUrl}/cases/${original}`);
  await expect(page.getByRole("heading", { level: 1, name: `Sucre humide ${stamp}` })).toBeVisible();
});

test("a member is told of a colleague's open case on the same line without its reference", async ({ page }) => {
  // The administrator of Boulangeries Martin filed the demo claim on invoice FA-2026-10588, line 2.
  await signIn(page, portalUrl, "achats@martin.example");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${portalUrl}/claims/new`);
  await page.getByLabel("Type de problème").selectOption("quality");
  await fillQualityClaim(page, {
    title: "Pelles tordues",
    description: "Une des pelles livrées est tordue.",
    invoice: "FA-2026-10588",
    line: 2,
    product: "Pelles d'enfournement 1,80 m",
    lotNumber: "P-180",
    quantity: "1",
  });
  await page.getByRole("button", { name: "Vérifier ma réclamation" }).click();
  const review = page.getByRole("region", { name: "Vérifiez votre réclamation" });
  await expect(review.getByText("Un dossier ouvert par un collègue : facture FA-2026-10588, ligne 2 (Pelles d'enfournement 1,80 m)")).toBeVisible();
  await expect(review.getByText(/LIT-\d{4}-\d{6}/)).toHaveCount(0);
  await expectAccessible(page);
});

test("a type chosen before the page's scripts ran keeps its own fields once they run", async ({ page }) => {
  await signIn(page, portalUrl, "achats@martin.example");
  await expect(page).not.toHaveURL(/\/login/);
  // Hold the page's scripts back until the type is chosen, as a slow connection would.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/assets/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${portalUrl}/claims/new`, { waitUntil: "domcontentloaded" });
  await page.getByLabel("Type de problème").selectOption("delivery");
  release();
  // Once hydrated, only the chosen type's section shows: delivery's, not quality's.
  // (Before, every section shows: quality's hides only once the scripts ran.)
  await expect(page.getByLabel("Produit concerné")).toBeHidden();
  await expect(page.getByLabel("Numéro du bon de livraison")).toBeVisible();
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
