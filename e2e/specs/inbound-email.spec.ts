import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { backofficeUrl, expectAccessible, portalUrl, signIn } from "../support/fixtures";
import { newColleague } from "../support/invitations";
import { readMailbox, waitForEmail } from "../support/mailbox";

const INBOUND = `${portalUrl}/api/v1/inbound/email`;
const SECRET = "accord-demo-inbound";
const FIXTURES = path.join(import.meta.dirname, "..", "..", "packages", "core", "src", "inbound", "fixtures", "mime");
const PASSWORD = "mot-de-passe-courriel-2026";

/** A fixture with some header fields replaced (as a mail client would have written them for us). */
async function message(name: string, fields: Record<string, string>): Promise<Buffer> {
  let text = (await readFile(path.join(FIXTURES, name))).toString("latin1");
  if (text.startsWith("From ")) text = text.slice(text.indexOf("\n") + 1);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const split = text.indexOf(eol + eol);
  const names = new Set(Object.keys(fields).map((k) => k.toLowerCase()));
  const kept: string[] = [];
  let skipping = false;
  for (const line of text.slice(0, split).split(eol)) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) kept.push(line);
      continue;
    }
    skipping = names.has(line.slice(0, line.indexOf(":")).trim().toLowerCase());
    if (!skipping) kept.push(line);
  }
  const added = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from([...added, ...kept].join(eol) + text.slice(split), "latin1");
}

function post(request: APIRequestContext, body: Buffer, secret = SECRET) {
  return request.post(INBOUND, { data: body, headers: { "Content-Type": "message/rfc822", "X-Accord-Inbound-Secret": secret } });
}

test("a known sender's e-mail opens a claim with channel E-mail and one acknowledgement; a reply to its reply address lands on the case", async ({ browser, page, request }) => {
  const colleague = await newColleague(browser, { adminEmail: "admin@martin.example", domain: "martin.example", password: PASSWORD });
  const stamp = Date.now().toString(36);
  const subject = `Sacs abimes par courriel ${stamp}`;
  const raw = await message("22-nested-multipart-rfc2231.eml", { From: `Camille <${colleague.email}>`, Subject: subject, "Message-ID": `<claim-${stamp}@martin.example>` });

  // The channel's secret is required; a body that is not a message is refused with a precise detail.
  const refused = await post(request, raw, "not-the-secret");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const html = await request.post(INBOUND, { data: "<p>hello</p>", headers: { "Content-Type": "text/html", "X-Accord-Inbound-Secret": SECRET } });
  expect(html.status()).toBe(415);
  const malformed = await post(request, Buffer.from("hello\r\n\r\nno headers here"));
  expect(malformed.status()).toBe(422);
  expect(await malformed.json()).toMatchObject({ status: 422, problem: "no_header" });

  const answer = await post(request, raw);
  expect(answer.status()).toBe(200);
  const opened = (await answer.json()) as { outcome: string; reference: string };
  expect(opened).toMatchObject({ outcome: "claim_opened", reference: expect.stringMatching(/^LIT-\d{4}-\d{6}$/) });
  const reference = opened.reference;
  // The provider's retry of the same message files nothing more.
  expect(await (await post(request, raw)).json()).toEqual({ outcome: "claim_opened", reference, replayed: true });

  // Exactly one acknowledgement, answering to the case's own reply address.
  const ack = await waitForEmail(colleague.email, { subject: new RegExp(reference) });
  expect(ack.replyTo).toMatch(/^reply\+[0-9a-f]{32}@reply\.accord\.example$/);
  expect((await readMailbox()).filter((m) => m.to.includes(colleague.email) && m.subject.includes(reference))).toHaveLength(1);

  // The portal: the customer sees the claim, its channel and its files with their decoded names.
  await colleague.page.goto(`${portalUrl}/cases/${reference}`);
  await expect(colleague.page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(colleague.page.getByText("E-mail", { exact: true })).toBeVisible();
  await expect(colleague.page.getByText("facture n° 42 été.pdf").first()).toBeVisible();

  // The back-office: the same case, channel E-mail.
  await signIn(page, backofficeUrl, "agent@accord.example");
  await expect(page.getByRole("button", { name: /se déconnecter/i })).toBeVisible();
  await page.goto(`${backofficeUrl}/cases/${reference}`);
  await expect(page.getByText(/canal\s*:?\s*E-mail/i).first()).toBeVisible();

  // The customer answers the acknowledgement from their mail client: to its Reply-To, quoting it.
  const reply = Buffer.from(
    [
      `From: Camille <${colleague.email}>`,
      `To: ${ack.replyTo}`,
      `Subject: Re: ${ack.subject}`,
      `Message-ID: <reply-${stamp}@martin.example>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      `Le numéro de lot est L-${stamp}.`,
      "",
      "Le lun. 7 déc. 2026 à 10:00, Accord <no-reply@accord.example> a écrit :",
      "> Nous avons bien reçu votre réclamation.",
      "",
    ].join("\r\n"),
    "utf8",
  );
  const appended = await post(request, reply);
  expect(await appended.json()).toEqual({ outcome: "reply_appended", reference });
  await colleague.page.goto(`${portalUrl}/cases/${reference}`);
  await expect(colleague.page.getByText(`Le numéro de lot est L-${stamp}.`)).toBeVisible();
  await expect(colleague.page.getByText("Nous avons bien reçu votre réclamation.")).toHaveCount(0);
  await colleague.context.close();
});

test("an unknown sender's e-mail waits in the quarantine; an agent attaches it to an account as a claim of its contact", async ({ browser, page, request }) => {
  const colleague = await newColleague(browser, { adminEmail: "admin@martin.example", domain: "martin.example", password: PASSWORD });
  await colleague.context.close();
  const stamp = Date.now().toString(36);
  const subject = `Livraison incomplete ${stamp}`;
  const raw = await message("04-pdf-attachment-gmail-raw-utf8-subject.eml", { From: `Inconnu <inconnu-${stamp}@nowhere.example>`, Subject: subject, "Message-ID": `<unknown-${stamp}@nowhere.example>` });
  expect(await (await post(request, raw)).json()).toEqual({ outcome: "quarantined" });
  // The same channel through Postmark's inbound JSON: an unknown sender is quarantined too.
  const postmark = await request.post(INBOUND, {
    headers: { "X-Accord-Inbound-Secret": SECRET },
    data: { FromFull: { Email: `autre-${stamp}@nowhere.example`, Name: "Autre" }, Subject: `Postmark ${stamp}`, TextBody: "Bonjour", Headers: [{ Name: "Message-ID", Value: `<pm-${stamp}@nowhere.example>` }], Attachments: [] },
  });
  expect(await postmark.json()).toEqual({ outcome: "quarantined" });

  await signIn(page, backofficeUrl, "agent@accord.example");
  await page.getByRole("link", { name: "Courriels en quarantaine" }).click();
  await expect(page.getByRole("heading", { name: "Courriels en quarantaine" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText(`inconnu-${stamp}@nowhere.example`);
  await expect(row).toContainText("Expéditeur inconnu");
  await row.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(page.getByRole("link", { name: "broken.pdf" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Compte", { exact: true }).selectOption({ label: "Boulangeries Martin SAS" });
  await page.getByRole("button", { name: "Choisir ce compte" }).click();
  await page.getByLabel("Contact client").selectOption({ label: `Camille Nouveau <${colleague.email}>` });
  await page.getByRole("button", { name: "Ouvrir la réclamation" }).click();
  await expect(page).toHaveURL(/\/cases\/LIT-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByText("Courriel rattaché au dossier.")).toBeVisible();
  await expect(page.getByText(/canal\s*:?\s*E-mail/i).first()).toBeVisible();
  await waitForEmail(colleague.email, { subject: new RegExp(reference) });

  // Handled once: it left the list.
  await page.goto(`${backofficeUrl}/inbound`);
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(0);
});
