import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { backofficeUrl, DEMO_PASSWORD, portalUrl, signIn } from "../support/fixtures";
import { freshAddress, invite } from "../support/invitations";
import { linkIn, waitForEmail } from "../support/mailbox";

/**
 * Issue 16's live defects, tried on the running apps the way the probe did (HTTP requests as an
 * attacker sends them, no browser where none is needed): each answer is now the safe one.
 */
const APPS = [
  { name: "portal", url: portalUrl, user: "admin@martin.example" },
  { name: "back-office", url: backofficeUrl, user: "agent@accord.example" },
] as const;

/** A POST as a form would send it from the app's own page (the CSRF check wants the Origin). */
const postRaw = (request: APIRequestContext, url: string, origin: string, body: string, contentType: string) =>
  request.post(url, { data: body, headers: { Origin: origin, "Content-Type": contentType }, maxRedirects: 0 });

for (const app of APPS) {
  test(`${app.name}: signing in with redirectTo=/.//evil.example goes home, never to another site`, async ({ request }) => {
    for (const redirectTo of ["/.//evil.example/phish", "/..//evil.example/phish"]) {
      const response = await request.post(`${app.url}/login`, {
        form: { email: app.user, password: DEMO_PASSWORD, redirectTo },
        headers: { Origin: app.url },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      expect(response.headers()["location"]).toBe("/");
    }
  });

  test(`${app.name}: the login page carries the security headers and cannot be framed by another site`, async ({ request }) => {
    const response = await request.get(`${app.url}/login`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Scripts: this site's files, and inline ones only with this response's nonce (a new one each time).
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = (await request.get(`${app.url}/login`)).headers()["content-security-policy"];
    expect(again).not.toContain(nonce);
  });

  test(`${app.name}: the pages run under the policy: signing in works with JavaScript, and nothing is blocked`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${app.url}/login`);
    // Hydrated: React Router navigates on the client (no document request) after signing in.
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await signIn(page, app.url, app.user);
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: /se déconnecter/i }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(violations).toEqual([]);
  });

  test(`${app.name}: malformed bodies on the anonymous POST /login are a 400 with a clear message, not a 500`, async ({ request }) => {
    const json = await postRaw(request, `${app.url}/login`, app.url, JSON.stringify({ email: app.user, password: "x" }), "application/json");
    expect(json.status()).toBe(400);
    expect(await json.text()).toContain("ce type de contenu n'est pas accepté");

    const boundary = "----accord-cut";
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n${app.user}\r\n--${boundary}\r\nContent-Disposition: form-data; name="passw`;
    const multipart = await postRaw(request, `${app.url}/login`, app.url, cut, `multipart/form-data; boundary=${boundary}`);
    expect(multipart.status()).toBe(400);
    expect(await multipart.text()).toContain("incomplet ou illisible");

    const nul = await postRaw(request, `${app.url}/login`, app.url, `email=a%00b%40x.example&password=x`, "application/x-www-form-urlencoded");
    expect(nul.status()).toBe(400);
    expect(await nul.text()).toContain("« email »");
  });
}

test("a customer's claim with lines[100000000] and a staff reply with kbArticleIds[50000000] are refused at once, without echoing them", async ({ browser }) => {
  const customer = await browser.newContext({ locale: "fr-FR" });
  const customerPage = await customer.newPage();
  await signIn(customerPage, portalUrl, "achats@martin.example");
  await expect(customerPage).toHaveURL(`${portalUrl}/`);
  const claim = await postRaw(
    customerPage.request,
    `${portalUrl}/claims/new`,
    portalUrl,
    `intent=preview&title=t&lines[100000000].contestedQuantity=1&description=${"d".repeat(2000)}`,
    "application/x-www-form-urlencoded",
  );
  expect(claim.status()).toBe(400);
  const claimText = await claim.text();
  expect(claimText).toContain("lines[100000000].contestedQuantity");
  expect(claimText.length).toBeLessThan(2000);
  await customer.close();

  const staff = await browser.newContext({ locale: "fr-FR" });
  const staffPage = await staff.newPage();
  await signIn(staffPage, backofficeUrl, "agent@accord.example");
  await expect(staffPage.getByRole("heading", { level: 1 })).toBeVisible();
  const reply = await postRaw(
    staffPage.request,
    `${backofficeUrl}/cases/LIT-2026-000001`,
    backofficeUrl,
    "intent=reply&body=x&kbArticleIds[50000000]=x",
    "application/x-www-form-urlencoded",
  );
  expect(reply.status()).toBe(400);
  expect((await reply.text()).length).toBeLessThan(2000);
  await staff.close();
});

test("impossible dates and a NUL byte in filters and cursors are answered without a server error", async ({ browser }) => {
  const customer = await browser.newContext({ locale: "fr-FR" });
  const customerPage = await customer.newPage();
  await signIn(customerPage, portalUrl, "admin@martin.example");
  await expect(customerPage).toHaveURL(`${portalUrl}/`);
  for (const query of ["from=2026-02-31", "to=0000-01-01", `cursor=${Buffer.from("2026-02-31T10:00:00.000Z|3f0e0000-0000-4000-8000-000000000000").toString("base64url")}`]) {
    const response = await customerPage.request.get(`${portalUrl}/cases?${query}`);
    expect(response.status(), query).toBeLessThan(500);
  }
  // The filter form says what is wrong, next to the field.
  await customerPage.goto(`${portalUrl}/cases?from=2026-02-31`);
  await expect(customerPage.getByLabel(/reçu à partir du/i)).toHaveAttribute("aria-invalid", "true");
  const search = await customerPage.request.get(`${portalUrl}/cases?q=%00`);
  expect(search.status()).toBe(400);
  expect(await search.text()).toContain("« q »");
  await customer.close();

  const staff = await browser.newContext({ locale: "fr-FR" });
  const staffPage = await staff.newPage();
  await signIn(staffPage, backofficeUrl, "agent@accord.example");
  await expect(staffPage.getByRole("heading", { level: 1 })).toBeVisible();
  for (const key of ["2026-02-31T10:00:00.000000Z", "0000-01-01T00:00:00Z"]) {
    const after = Buffer.from(JSON.stringify([key, "3f0e0000-0000-4000-8000-000000000000"])).toString("base64url");
    const response = await staffPage.request.get(`${backofficeUrl}/?sort=received&after=${after}`);
    expect(response.status(), key).toBeLessThan(500);
  }
  await staff.close();
});

test("a customer admin inviting an address that has an account at another company gets the same answer as for a new address", async ({ page }) => {
  await signIn(page, portalUrl, "admin@martin.example");
  await expect(page).toHaveURL(`${portalUrl}/`);
  await page.goto(`${portalUrl}/company`);
  // Answered like any new address: "invitation sent", the pending invitation listed.
  await invite(page, { email: "admin@hotelduport.example", name: "Quelqu'un", role: /membre/i });
  await expect(page.getByText(/hôtel du port/i)).toHaveCount(0);
  await expect(page.getByText(/déjà utilisée/i)).toHaveCount(0);
  await invite(page, { email: freshAddress("trust"), name: "Quelqu'un d'autre", role: /membre/i });
});

// What the probe found holding: tests that keep it true.
test.describe("what already held", () => {
  test("signing in replaces a session cookie planted beforehand (no fixation), and a signed-out session opens nothing", async ({ browser, request }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const planted = "plantedbyanattacker0000000000000";
    await context.addCookies([{ name: "accord_portal_session", value: planted, url: portalUrl }]);
    const page = await context.newPage();
    await signIn(page, portalUrl, "achats@martin.example");
    await expect(page).toHaveURL(`${portalUrl}/`);
    const session = (await context.cookies(portalUrl)).find((c) => c.name === "accord_portal_session");
    expect(session?.value).toBeTruthy();
    expect(session?.value).not.toBe(planted);
    expect(session?.httpOnly).toBe(true);

    const withSession = (value: string) => request.get(`${portalUrl}/cases`, { headers: { cookie: `accord_portal_session=${value}` }, maxRedirects: 0 });
    expect((await withSession(session!.value)).status()).toBe(200);
    expect((await withSession(planted)).status()).toBe(302);
    await page.getByRole("button", { name: /se déconnecter/i }).click();
    await expect(page).toHaveURL(/\/login/);
    const after = await withSession(session!.value);
    expect(after.status()).toBe(302);
    expect(after.headers()["location"]).toMatch(/^\/login/);
    await context.close();
  });

  test("a reset link is built from the configured URL, never from the Host or X-Forwarded-Host header", async () => {
    const before = Date.now();
    const url = new URL(`${portalUrl}/forgot-password`);
    const body = new URLSearchParams({ email: "compta@martin.example" }).toString();
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: "POST",
            headers: { Origin: portalUrl, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    // A forged Host: refused outright (React Router sees an origin that is not the request's).
    expect(await post({ Host: "evil.example" })).toBeGreaterThanOrEqual(400);
    // A forged X-Forwarded-Host: answered, and the e-mail's link is on the configured portal URL.
    expect(await post({ Host: url.host, "X-Forwarded-Host": "evil.example" })).toBeLessThan(400);
    const message = await waitForEmail("compta@martin.example", { subject: /mot de passe/i, after: before - 1000 });
    expect(linkIn(message, `${portalUrl}/reset-password?token=`)).toBeTruthy();
    expect(message.html).not.toContain("evil.example");
    expect(message.text).not.toContain("evil.example");
  });

  test("an HTML or SVG file disguised under a harmless name is refused", async ({ page }) => {
    await signIn(page, portalUrl, "achats@martin.example");
    await expect(page).toHaveURL(`${portalUrl}/`);
    const disguised = [
      { name: "facture.pdf", buffer: Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") },
      { name: "photo.png", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
      { name: "schema.svg", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    ];
    for (const file of disguised) {
      const response = await page.request.post(`${portalUrl}/uploads`, {
        headers: { Origin: portalUrl, Accept: "application/json" },
        multipart: { files: { name: file.name, mimeType: "application/pdf", buffer: file.buffer } },
      });
      expect(response.status(), file.name).toBe(422);
      const answer = (await response.json()) as { uploads: unknown[]; refused: { fileName: string }[] };
      expect(answer.uploads, file.name).toEqual([]);
      expect(answer.refused.map((r) => r.fileName), file.name).toEqual([file.name]);
    }
  });
});
