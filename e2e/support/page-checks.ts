import { expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

/**
 * The rendering checks of every page of an app (backoffice-pages and portal-pages specs): the status, the
 * page language, one visible <h1>, no catalogue key showing through, no French sentence on an English page,
 * and no serious axe violation (on the French page).
 */
export type Language = "fr" | "en";

type Catalogue = { [key: string]: string | Catalogue };

/** The checks an app's catalogue gives: its top-level sections, keys showing through, French-only sentences. */
export function catalogueChecks(resources: { fr: { translation: object }; en: { translation: object } }) {
  const sections = Object.keys(resources.fr.translation);
  // A key instead of its string: "casePage.sla.title", "company.roles.x" (built from a value missing from the
  // catalogue), or an object key. Any top-level section of the catalogue followed by a dot.
  const catalogueKey = new RegExp(`(?<![\\w@./-])(?:${sections.join("|")})\\.[A-Za-z][\\w.]*|returned an object instead of string`, "g");
  // Each French sentence (two words or more, without interpolation) that the English catalogue words differently.
  const english = sentences(resources.en.translation as Catalogue);
  const frenchOnly = [...sentences(resources.fr.translation as Catalogue)]
    .filter(([key, fr]) => /\S\s+\S/.test(fr) && fr.length >= 12 && !/[{<]/.test(fr) && english.get(key) !== fr)
    .map(([, fr]) => fr);
  return { sections, catalogueKey, frenchOnly };
}

function sentences(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") found.set(`${prefix}${key}`, value);
    else if (value && typeof value === "object") for (const [k, v] of sentences(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

/**
 * A page of its own signed in as `email` (or signed out), in `language`: French by default (the demo users'
 * language, the browser's fr-FR); English chosen once (after signing in, which sets the user's own language),
 * then remembered by its cookie on every page.
 */
export async function pageIn(browser: Browser, options: { baseUrl: string; email: string | null; language: Language; landing?: string }): Promise<Page> {
  const { baseUrl, email, language } = options;
  const page = await (await browser.newContext()).newPage();
  if (email) {
    await signIn(page, baseUrl, email);
    if (options.landing) await expect(page).toHaveURL(`${baseUrl}${options.landing}`);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  }
  if (language === "en") {
    await page.goto(`${baseUrl}/${email ? "" : "login"}?lng=en`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  return page;
}

interface PageCheck {
  baseUrl: string;
  url: string;
  language: Language;
  catalogueKey: RegExp;
  status?: number;
  /** French sentences that must not show on an English page. */
  frenchOnly?: readonly string[];
  /** Frames sandboxed without scripts: axe cannot enter them (their title is checked instead). */
  sandboxedFrames?: string;
}

/** The URLs showing a page, found from the signed-in page (an id is read from a link of its list). */
export type Reach = (page: Page) => Promise<string[]>;

/** A page of an app: who visits it, how they reach it, and what it answers (200 by default). */
export interface PageVisit<Who extends string> {
  who: Who;
  reach: Reach;
  status?: number;
  /** Frames sandboxed without scripts: axe cannot enter them (their title is checked instead). */
  sandboxedFrames?: string;
}

/** Checks ({@link checkPage}) every page of `pages` that `who` visits, reached from `page`: each has a URL, and one page at least is checked. */
export async function checkPagesOf<Who extends string>(
  page: Page,
  pages: Record<string, PageVisit<Who>>,
  who: Who,
  options: Omit<PageCheck, "url" | "status" | "sandboxedFrames">,
): Promise<void> {
  const checked: string[] = [];
  for (const [routePath, visit] of Object.entries(pages)) {
    if (visit.who !== who) continue;
    const urls = await visit.reach(page);
    expect(urls.length, routePath).toBeGreaterThan(0);
    for (const url of urls) {
      await checkPage(page, { ...options, url, status: visit.status, sandboxedFrames: visit.sandboxedFrames });
      checked.push(url);
    }
  }
  expect(checked.length).toBeGreaterThan(0);
}

export async function checkPage(page: Page, options: PageCheck): Promise<void> {
  const { baseUrl, url, language, status = 200, sandboxedFrames } = options;
  const response = await page.goto(`${baseUrl}${url}`);
  expect(response?.status(), `GET ${url}`).toBe(status);
  await expect(page.locator("html"), url).toHaveAttribute("lang", language);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading, `one <h1> on ${url}`).toHaveCount(1);
  await expect(heading, url).toBeVisible();
  await expect(heading, url).not.toHaveText("");
  const text = await page.locator("body").innerText();
  expect(text.match(options.catalogueKey) ?? [], `catalogue keys on ${url} (${language})`).toEqual([]);
  if (language === "en" && options.frenchOnly) expect(options.frenchOnly.filter((fr) => text.includes(fr)), `French strings on ${url} in English`).toEqual([]);
  if (sandboxedFrames) {
    const frames = page.locator(sandboxedFrames);
    await expect(frames.first(), url).toBeAttached();
    for (const frame of await frames.all()) await expect(frame, `${url}: a frame has a title`).toHaveAttribute("title", /\S/);
  }
  // axe runs on the French page: the English one has the same markup and styles, its words are checked
  // above (no catalogue key, no French left, the lang attribute), and an analysis is the costliest step
  // of the sweep (about a second of a 2-core machine).
  if (language === "fr") await expectAccessible(page, sandboxedFrames ? { exclude: [sandboxedFrames] } : {});
}
