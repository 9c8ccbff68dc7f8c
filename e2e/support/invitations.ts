import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, portalUrl, signIn } from "./fixtures";
import { linkIn, waitForEmail } from "./mailbox";

/** Signs in and waits until the home page is there (so the next navigation carries the session). */
export async function signInAndWait(page: Page, email: string, password?: string) {
  await signIn(page, portalUrl, email, password);
  await expect(page).toHaveURL(`${portalUrl}/`);
}

let counter = 0;
/** An address nobody uses yet, in this run. */
export function freshAddress(prefix: string, domain = "martin.example"): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}@${domain}`;
}

/** On /company, as an admin: fills the invitation form and sends it. */
export async function invite(page: Page, { email, name, role }: { email: string; name: string; role: RegExp }) {
  await page.getByLabel(/^adresse e-mail$/i).fill(email);
  await page.getByLabel(/^nom$/i).fill(name);
  await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: /envoyer l'invitation/i }).click();
  await expect(page.getByText(/l'invitation a été envoyée/i)).toBeVisible();
}

/** The invitation link of the latest invitation e-mail to `email`, from the dev mailbox. */
export async function invitationLink(email: string, after: number): Promise<string> {
  const message = await waitForEmail(email, { subject: /invitation/i, after });
  return linkIn(message, `${portalUrl}/invitations/`);
}

/** Opens the invitation link in a new browser (the colleague's), sets a password and lands signed in. */
export async function acceptInvitation(
  browser: Browser,
  link: string,
  password: string,
  { checkAccessibility = false }: { checkAccessibility?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  if (checkAccessibility) await expectAccessible(page);
  await page.getByLabel(/^mot de passe$/i).fill(password);
  await page.getByLabel(/confirmez/i).fill(password);
  await page.getByRole("button", { name: /activer mon compte/i }).click();
  await expect(page.getByText(/bienvenue/i).first()).toBeVisible();
  return { context, page };
}

/** An admin invites a new colleague, who accepts: a fresh user, so tests never change the demo users. */
export async function newColleague(
  browser: Browser,
  { adminEmail, domain, role = /membre/i, password }: { adminEmail: string; domain: string; role?: RegExp; password: string },
) {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, adminEmail);
  await admin.goto(`${portalUrl}/company`);
  const email = freshAddress("colleague", domain);
  const before = Date.now() - 1000;
  await invite(admin, { email, name: "Camille Nouveau", role });
  const link = await invitationLink(email, before);
  await adminContext.close();
  const accepted = await acceptInvitation(browser, link, password);
  return { email, link, ...accepted };
}
