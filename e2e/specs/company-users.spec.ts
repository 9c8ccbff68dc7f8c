import { expect, test } from "@playwright/test";
import { expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { acceptInvitation, freshAddress, invitationLink, invite, signInAndWait } from "../support/invitations";

const PASSWORD = "mot-de-passe-du-collegue-2026";

test("an admin invites a colleague who joins with the e-mail link (once) as a member seeing only their own cases, then changes their role and deactivates them", async ({
  browser,
  page,
}) => {
  await signIn(page, portalUrl, "admin@martin.example");
  await page.getByRole("link", { name: /mon entreprise/i }).click();
  await expect(page).toHaveURL(/\/company$/);
  await expect(page.getByRole("heading", { level: 1, name: /utilisateurs de l'entreprise/i })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /compta/i }).or(page.getByRole("cell", { name: "compta@martin.example" })).first()).toBeVisible();
  await expectAccessible(page);

  // An address already in use in the company is refused on its field (one of another company is answered like
  // any new address: see trust-defects.spec.ts).
  await page.getByLabel(/^adresse e-mail$/i).fill("compta@martin.example");
  await page.getByLabel(/^nom$/i).fill("Quelqu'un");
  await page.getByRole("button", { name: /envoyer l'invitation/i }).click();
  const emailField = page.getByLabel(/^adresse e-mail$/i);
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/déjà utilisée par un compte du portail/i)).toBeVisible();
  await expect(page.getByText(/hôtel du port/i)).toHaveCount(0);
  await expect(page.getByLabel(/^nom$/i)).toHaveValue("Quelqu'un");

  const email = freshAddress("julie");
  const before = Date.now() - 1000;
  await invite(page, { email, name: "Julie Bernard", role: /membre/i });
  await expect(page.getByRole("rowheader", { name: email })).toBeVisible();

  // The colleague opens the link from the e-mail, sets a password, and is signed in.
  const link = await invitationLink(email, before);
  const colleague = await acceptInvitation(browser, link, PASSWORD, { checkAccessibility: true });
  await expect(colleague.page).toHaveURL(`${portalUrl}/`);
  await expect(colleague.page.getByText("Julie Bernard").first()).toBeVisible();
  // A member sees only the cases they filed: none yet, while the company has some.
  await colleague.page.goto(`${portalUrl}/cases`);
  await expect(colleague.page.getByText("Aucun dossier pour le moment.")).toBeVisible();
  await expect(colleague.page.locator('a[href^="/cases/LIT-"]')).toHaveCount(0);
  await page.goto(`${portalUrl}/cases`);
  await expect(page.locator('a[href^="/cases/LIT-"]').first()).toBeVisible();
  await page.goto(`${portalUrl}/company`);

  await colleague.page.goto(`${portalUrl}/company`);
  await expect(colleague.page.getByText(/seuls les administrateurs/i)).toBeVisible();
  await expect(colleague.page.getByRole("button", { name: /envoyer l'invitation|désactiver|modifier le rôle/i })).toHaveCount(0);
  await expectAccessible(colleague.page);

  // The link works once.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(againPage.getByText(/n'est pas valide ou a déjà été utilisé/i)).toBeVisible();
  await expect(againPage.getByRole("button", { name: /activer mon compte/i })).toHaveCount(0);
  await expectAccessible(againPage);
  await again.close();

  // The admin makes her a viewer.
  await page.reload();
  await expect(page.getByRole("rowheader", { name: /julie bernard/i })).toBeVisible();
  await page.getByLabel("Rôle de Julie Bernard").selectOption("viewer");
  await page.getByRole("button", { name: /modifier le rôle – julie bernard/i }).click();
  await expect(page.getByText(/le rôle a été modifié/i)).toBeVisible();
  await expect(page.getByLabel("Rôle de Julie Bernard")).toHaveValue("viewer");
  // Her open session ended with her old role: she signs in again, now a viewer.
  await colleague.page.goto(`${portalUrl}/`);
  await expect(colleague.page).toHaveURL(/\/login/);
  await signIn(colleague.page, portalUrl, email, PASSWORD);
  await expect(colleague.page).toHaveURL(`${portalUrl}/`);

  // A refused change (the company's only admin demoting himself) takes the earlier success message
  // away and leaves the select on the role he keeps.
  await page.getByLabel("Rôle de Paul Martin").selectOption("member");
  await page.getByRole("button", { name: /modifier le rôle – paul martin/i }).click();
  await expect(page.getByText(/garder au moins un administrateur actif/i)).toBeVisible();
  await expect(page.getByText(/le rôle a été modifié/i)).toHaveCount(0);
  await expect(page.getByLabel("Rôle de Paul Martin")).toHaveValue("admin");

  // …then deactivates her, after a confirmation page.
  await page.getByRole("link", { name: "Désactiver Julie Bernard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /désactiver julie bernard/i })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /oui, désactiver/i }).click();
  await expect(page).toHaveURL(/\/company$/);
  await expect(page.getByText(/l'utilisateur a été désactivé/i)).toBeVisible();
  await expect(page.getByRole("row", { name: /julie bernard/i })).toContainText(/désactivé/i);

  // Her open session ended, and she cannot sign in any more.
  await colleague.page.goto(`${portalUrl}/`);
  await expect(colleague.page).toHaveURL(/\/login/);
  await signIn(colleague.page, portalUrl, email, PASSWORD);
  await expect(colleague.page.getByRole("alert").first()).toContainText(/incorrect/i);

  // Reactivated, she can sign in again.
  await page.getByRole("button", { name: "Réactiver Julie Bernard" }).click();
  await expect(page.getByText(/l'utilisateur a été réactivé/i)).toBeVisible();
  await signIn(colleague.page, portalUrl, email, PASSWORD);
  await expect(colleague.page).toHaveURL(`${portalUrl}/`);
  await colleague.context.close();
});

test("an unknown or withdrawn invitation link says so, without a form", async ({ page, browser }) => {
  const response = await page.goto(`${portalUrl}/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/n'est pas valide ou a déjà été utilisé/i)).toBeVisible();
  await expect(page.getByRole("button", { name: /activer mon compte/i })).toHaveCount(0);
  await expectAccessible(page);

  // An admin withdraws a pending invitation: its link stops working.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, "admin@martin.example");
  await admin.goto(`${portalUrl}/company`);
  const email = freshAddress("retire");
  const before = Date.now() - 1000;
  await invite(admin, { email, name: "Paul Retiré", role: /lecteur/i });
  const link = await invitationLink(email, before);
  await admin.getByRole("button", { name: `Retirer l'invitation de ${email}` }).click();
  await expect(admin.getByText(/l'invitation a été retirée/i)).toBeVisible();
  await expect(admin.getByRole("rowheader", { name: email })).toHaveCount(0);
  await adminContext.close();

  await page.goto(link);
  await expect(page.getByText(/ce lien d'invitation a expiré/i)).toBeVisible();
  await expect(page.getByRole("button", { name: /activer mon compte/i })).toHaveCount(0);
});

test("a viewer sees the colleagues read-only and cannot reach the admin actions", async ({ page, browser }) => {
  // An admin's page gives a real user id of the company.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, "admin@martin.example");
  await admin.goto(`${portalUrl}/company`);
  const href = await admin.getByRole("link", { name: /désactiver/i }).first().getAttribute("href");
  expect(href).toMatch(/^\/company\/users\/[0-9a-f-]{36}\/deactivate$/);
  await adminContext.close();
  const userId = href!.split("/")[3]!;

  await signInAndWait(page, "compta@martin.example");
  await page.goto(`${portalUrl}/company`);
  await expect(page.getByText(/seuls les administrateurs/i)).toBeVisible();
  await expect(page.getByText("admin@martin.example")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /envoyer l'invitation|modifier le rôle|réactiver/i })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /désactiver/i })).toHaveCount(0);
  await expectAccessible(page);

  const confirmation = await page.goto(`${portalUrl}/company/users/${userId}/deactivate`);
  expect(confirmation?.status()).toBe(404);

  const headers = { Origin: portalUrl };
  const forms: Record<string, string>[] = [
    { intent: "invite", email: freshAddress("intrus"), name: "Intrus", role: "admin" },
    { intent: "role", userId, role: "admin" },
    { intent: "reactivate", userId },
  ];
  for (const form of forms) {
    const response = await page.request.post(`${portalUrl}/company`, { form, headers, maxRedirects: 0 });
    expect(response.status(), form.intent).toBe(404);
  }
  const deactivate = await page.request.post(`${portalUrl}/company/users/${userId}/deactivate`, { form: {}, headers, maxRedirects: 0 });
  expect(deactivate.status()).toBe(404);

  // Nothing changed: the admin still sees that user active.
  const check = await browser.newContext();
  const checkPage = await check.newPage();
  await signInAndWait(checkPage, "admin@martin.example");
  await checkPage.goto(`${portalUrl}/company`);
  await expect(checkPage.locator(`a[href="/company/users/${userId}/deactivate"]`)).toBeVisible();
  await check.close();
});
