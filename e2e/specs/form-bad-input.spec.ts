import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { createDb, type DbHandle } from "@accord/db";
import { formArbitrary, HOSTILE_VALUES, type FormEntries } from "@accord/web/testing/form-arbitrary";
import fc from "fast-check";
import { UNSAFE_decodeViaTurboStream as decodeViaTurboStream } from "react-router";
import type { $ZodType } from "zod/v4/core";
import { DEMO_PASSWORD } from "../support/fixtures";
import { FORM_ACTIONS, FORM_USERS, intentsInSource, routesWithAction, type App, type FormAction, type FormUser, type Known } from "../support/form-actions";
import { startAccord, type Accord } from "../support/stack";

/**
 * Generated bad input against every form action of both apps (issue 16, point 2; the API's half is
 * packages/api/src/bad-input.int.test.ts, same generator). For each action of e2e/support/form-actions.ts,
 * a fixed-seed fast-check sample: half posts shaped by the intent's zod schema (plausible, hostile, missing
 * or duplicated values, unknown fields), half hostile shapes (no intent, an unknown or doubled intent,
 * arrays for scalars, huge strings within and beyond the form limits, control characters, RTL/zero-width/
 * emoji, negative/zero/enormous amounts, impossible dates, NUL bytes, indices past the bound), sent as
 * application/x-www-form-urlencoded, and as multipart where the form uploads. Each answer:
 *   - is never a 5xx;
 *   - when it is a refusal (a 4xx, or the page again with a field marked aria-invalid), leaves the row
 *     count of every table unchanged (a few tables written by any request are left out: sessions and
 *     sign-in attempts);
 *   - when it is a 400 on a known intent, names a field: the page marks it aria-invalid (conform's
 *     reply), or the refusal of the form's bounds quotes it (« … »). A post without a known intent, an
 *     unreadable body (400 « incomplet ou illisible »), a body too large (413), an id that names nothing
 *     (404) and a state that forbids the step (409) are refusals of the whole form, not of one field.
 * Its own Accord (its own database, counted), started as `npm start` starts it.
 */

test.describe.configure({ mode: "serial", timeout: 240_000 });

/** Inputs per form action (more for a page with many intents), one seed for all: a failure replays. */
const SEED = 16_2;
const runsFor = (action: FormAction) => Math.min(16 + 2 * Object.keys(action.intents).length, 40);

/**
 * Not counted: what any request writes, even a refused one (the session's last use, a failed sign-in),
 * and the staging area of uploads: a refused form keeps the files it carried staged, so that the page
 * shows them again and nobody uploads twice (ADR 0016; purged after 24 h); nothing of a case is written.
 */
const NOT_COUNTED = new Set(["sessions", "sign_in_attempts", "api_rate_limits", "staged_uploads"]);

let accord: Accord;
let handle: DbHandle;
let tables: string[] = [];
let known: Known;
const contexts = new Map<FormUser, APIRequestContext>();
const ZERO = "00000000-0000-4000-8000-000000000000";

test.beforeAll(async () => {
  test.setTimeout(400_000);
  // No scheduled SLA sweep: it would write (notices, e-mails) while a refusal's row counts are compared.
  accord = await startAccord({ env: { SLA_SWEEP_SCHEDULE: "off" } });
  handle = createDb(readFileSync(path.join(accord.dataDir, "database-url"), "utf8").trim(), { max: 2 });
  const rows = await handle.sql<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  tables = rows.map((r) => r.name).filter((name) => !NOT_COUNTED.has(name));
  const one = async (query: Promise<{ v: string | null }[]>) => (await query)[0]?.v ?? ZERO;
  const { sql } = handle;
  known = {
    martinCase: await one(sql`select reference as v from cases where account_id = (select account_id from customer_users where email = 'admin@martin.example') order by created_at limit 1`),
    colleagueId: await one(sql`select id::text as v from customer_users where email = 'achats@martin.example'`),
    accountId: await one(sql`select account_id::text as v from customer_users where email = 'admin@martin.example'`),
    slaPolicyId: await one(sql`select id::text as v from sla_policies order by 1 limit 1`),
    calendarId: await one(sql`select id::text as v from business_calendars order by 1 limit 1`),
    staffId: await one(sql`select id::text as v from staff_users where email = 'agent@accord.example'`),
    checklistId: await one(sql`select id::text as v from checklist_templates order by 1 limit 1`),
    responseId: await one(sql`select id::text as v from response_templates order by 1 limit 1`),
    kbArticleId: await one(sql`select id::text as v from kb_articles order by 1 limit 1`),
    rootCauseCode: await one(sql`select code as v from root_causes order by 1 limit 1`),
    inboundId: await one(sql`select id::text as v from inbound_emails order by 1 limit 1`),
  };
  for (const [user, { app, email }] of Object.entries(FORM_USERS) as [Exclude<FormUser, "anonymous">, (typeof FORM_USERS)[keyof typeof FORM_USERS]][]) {
    const base = app === "portal" ? accord.portal : accord.backoffice;
    const context = await playwrightRequest.newContext({ baseURL: base });
    const response = await context.post("/login", { headers: { Origin: base }, form: { email, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(response.status(), `${email} signs in`).toBe(302);
    contexts.set(user, context);
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
  await handle?.close();
  await accord?.stop();
});

/** The exact row count of every counted table, in one query. */
async function rowCounts(): Promise<Record<string, number>> {
  const query = tables.map((name) => `select '${name}' as name, count(*)::int as n from "${name}"`).join(" union all ");
  const rows = await handle.sql.unsafe<{ name: string; n: number }[]>(query);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before).filter((name) => before[name] !== after[name]).map((name) => `${name} ${before[name]}→${after[name]}`);
}

/** The top-level field names a schema reads (behind optional/pipe wrappers), for the hostile shapes. */
function fieldNames(schema: $ZodType): string[] {
  let def = schema._zod.def as unknown as { type: string; in?: $ZodType; innerType?: $ZodType; shape?: Record<string, $ZodType> };
  while (def.type === "pipe" || def.type === "optional") def = ((def.in ?? def.innerType)!._zod.def) as typeof def;
  return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

const HUGE_WITHIN = "x".repeat(200_000);
const HUGE_BEYOND = "y".repeat(1_100_000);
/** Families of hostile values, each sent in every field of a post at once. */
const FAMILIES: Record<string, readonly string[]> = {
  control: ["a\u0000b", "line\r\nBcc: victim@example.com", "\u0007\u001b[31m", "\t\v\f"],
  unicode: ["\u202Eevil.exe\u202Cpdf", "zero\u200Bwidth\u200D\uFEFF", "👩‍👩‍👧‍👦🇫🇷", "\uD800", "عربي"],
  amounts: ["-1", "0", "-0", "1e308", "99999999999999999999999.99", "12,345,678.9", "NaN", "Infinity"],
  dates: ["0000-01-01", "9999-12-31", "2026-02-31", "2026-13-01", "9999-99-99T99:99"],
  sizes: [HUGE_WITHIN, "é".repeat(20_000), ""],
  injection: ["<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "[object Object]", "__proto__"],
};

type Post = { label: string; entries: FormEntries };

/** The hostile shapes: the intent missing, unknown or doubled; arrays for scalars; one family in every field; limits. */
function hostileShapes(intentName: string, fields: string[]): fc.Arbitrary<Post> {
  const withIntent = (entries: FormEntries): FormEntries => (intentName ? [["intent", intentName], ...entries] : entries);
  const names = fields.length > 0 ? fields : ["value"];
  const family = fc.constantFrom(...Object.keys(FAMILIES)).chain((name) =>
    fc.tuple(...names.map(() => fc.constantFrom(...FAMILIES[name]!))).map((values): Post => ({ label: `every field: ${name}`, entries: withIntent(names.map((field, i): [string, string] => [field, values[i]!])) })),
  );
  const any = fc.constantFrom(...HOSTILE_VALUES);
  return fc.oneof(
    { weight: 4, arbitrary: family },
    { weight: 1, arbitrary: fc.tuple(...names.map(() => any)).map((values): Post => ({ label: "no intent", entries: names.map((field, i): [string, string] => [field, values[i]!]) })) },
    { weight: 1, arbitrary: fc.constantFrom("", "x", "__proto__", "constructor", "toString", "PREVIEW", intentName.toUpperCase()).map((name): Post => ({ label: `intent "${name}"`, entries: [["intent", name], ...names.map((f): [string, string] => [f, "1"])] })) },
    { weight: 1, arbitrary: fc.constant<Post>({ label: "intent twice", entries: [["intent", intentName || "x"], ["intent", "x"], ...names.map((f): [string, string] => [f, "1"])] }) },
    { weight: 2, arbitrary: fc.tuple(any, any).map(([a, b]): Post => ({ label: "arrays for scalars", entries: withIntent(names.flatMap((f): [string, string][] => [[`${f}[0]`, a], [`${f}[1]`, b], [f, a], [f, b]])) })) },
    { weight: 1, arbitrary: fc.constant<Post>({ label: "index past the bound", entries: withIntent([[`${names[0]}[100000000]`, "1"], [`lines[5000].contestedQuantity`, "1"]]) }) },
    { weight: 1, arbitrary: fc.constant<Post>({ label: "beyond the form's size", entries: withIntent([[names[0]!, HUGE_BEYOND]]) }) },
    { weight: 1, arbitrary: fc.constant<Post>({ label: "NUL in a name", entries: withIntent([[`${names[0]}\u0000`, "1"]]) }) },
  );
}

/** The sample for one action: half shaped by an intent's schema, half hostile shapes (fixed seed). */
function postsFor(action: FormAction, runs: number): Post[] {
  const intents = Object.entries(action.intents);
  const shaped = fc.constantFrom(...intents).chain(([name, schema]) =>
    formArbitrary(schema).map((entries): Post => ({ label: `${name || "form"}: shaped`, entries: name ? [["intent", name], ...entries.filter(([k]) => k !== "intent")] : entries })),
  );
  const hostile = fc.constantFrom(...intents).chain(([name, schema]) => hostileShapes(name, fieldNames(schema)).map((post) => ({ ...post, label: `${name || "form"}: ${post.label}` })));
  return fc.sample(fc.oneof(shaped, hostile), { seed: SEED, numRuns: runs });
}

function urlencoded(entries: FormEntries): { body: string; type: string } {
  return { body: new URLSearchParams(entries).toString(), type: "application/x-www-form-urlencoded" };
}

/**
 * The same fields as multipart, with a small hostile CSV file beside them, named with RTL, zero-width
 * and emoji characters (UTF-8, as browsers send it) or, with `controlInName`, a control character too
 * (a part header the parser refuses: the whole form is then a 400).
 */
function multipart(entries: FormEntries, controlInName: boolean): { body: Buffer; type: string } {
  const boundary = "----formfuzz7MA4YWxkTrZu0gW";
  const parts: Buffer[] = [];
  const quote = (name: string) => name.replace(/"/g, "%22").replace(/[\r\n]/g, " ");
  for (const [name, value] of entries) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`));
  for (const field of ["files", "file", "logo"]) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="\u202Eevil 👩‍👩‍👧${controlInName ? "\u0007" : ""}.csv"\r\nContent-Type: text/csv\r\n\r\nreference;amount\r\n=cmd|' /C calc'!A0;-1e308\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The action's answer as the app's own forms read it (the `.data` request of single fetch, decoded):
 * a refusal names a field when some `error`/`errors`/`fieldErrors` object in it (conform's reply, the
 * inbound page's, the claim form's, the bulk bar's) has a message under a field's name ("" is the
 * form's own). The page cannot always show it: the field may be hidden (an id) or its form shown only
 * in another state of the page.
 */
async function fieldErrorsOf(response: { body(): Promise<Buffer> }): Promise<string[]> {
  const bytes = await response.body();
  const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(new Uint8Array(bytes)), controller.close()) });
  let value: unknown;
  try {
    value = (await decodeViaTurboStream(stream, globalThis)).value;
  } catch {
    // Not single fetch's encoding: a JSON answer (the uploads endpoint) or text.
    try {
      value = JSON.parse(bytes.toString("utf8"));
    } catch {
      return [];
    }
  }
  const fields: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, key: string) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (/^(error|errors|fieldErrors)$/.test(key) && !Array.isArray(node)) {
      for (const [name, messages] of Object.entries(node)) if (name !== "" && Array.isArray(messages) && messages.length > 0) fields.push(name);
    }
    for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(value, "");
  return fields;
}

/** The `.data` URL of a route's URL (single fetch): `/a/b` → `/a/b.data`, the index `/?index` → `/_root.data?index`. */
function dataUrl(url: string): string {
  const [pathname, search] = url.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${search ? `?${search}` : ""}`;
}

/** The text of the page's alerts, to say what a refusal said. */
function alertText(html: string): string {
  const alerts = [...html.matchAll(/role="alert"[^>]*>([\s\S]*?)<\/(?:div|p|section)>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
  return (alerts.join(" | ") || html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()).slice(0, 160);
}

/** Whole-form refusals (see above): no field to name. */
function wholeFormRefusal(status: number, html: string, post: Post, action: FormAction): boolean {
  if (status !== 400 && status !== 422) return true;
  if (/incomplet ou illisible|n'est pas accepté ici|plus de 1000 champs|plus de 1 Mo/.test(html)) return true;
  // A reset or invitation link that names nothing: its token is the URL's (a hidden field), the refusal is the page's.
  if (/lien (d&#x27;invitation )?n&#x27;est pas valide/.test(html)) return true;
  const sent = post.entries.filter(([k]) => k === "intent").map(([, v]) => v);
  const named = Object.keys(action.intents);
  if (named.includes("")) return false;
  return sent.length !== 1 || !named.includes(sent[0]!);
}

for (const app of ["portal", "backoffice"] as App[]) {
  test(`${app}: every route with an action has an entry, and every intent of its source is listed`, () => {
    const table = FORM_ACTIONS[app];
    const withAction = routesWithAction(app);
    expect(withAction.filter((route) => !(route in table)), "routes with an action and no entry in e2e/support/form-actions.ts").toEqual([]);
    expect(Object.keys(table).filter((route) => !withAction.includes(route)), "entries for routes with no action").toEqual([]);
    for (const [route, action] of Object.entries(table)) {
      if (typeof action === "string") continue;
      expect(intentsInSource(app, route).filter((name) => !(name in action.intents)), `${app} ${route}: intents not listed`).toEqual([]);
    }
  });

  for (const [route, action] of Object.entries(FORM_ACTIONS[app])) {
    if (typeof action === "string") continue;
    test(`${app} /${route}: generated bad input is never a 5xx, a refusal writes nothing, a 400 names its field`, async () => {
      const base = app === "portal" ? accord.portal : accord.backoffice;
      const context = action.as === "anonymous" ? await playwrightRequest.newContext({ baseURL: base }) : contexts.get(action.as)!;
      const url = action.url(known);
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      const posts = postsFor(action, runsFor(action));
      for (const [index, post] of posts.entries()) {
        const encodings = action.multipart && index % 2 === 1 ? [multipart(post.entries, index % 4 === 3)] : [urlencoded(post.entries)];
        for (const { body, type } of encodings) {
          const before = await rowCounts();
          const response = await context.post(url, { data: body, headers: { Origin: base, "Content-Type": type, Accept: "text/html" }, maxRedirects: 0 });
          const status = response.status();
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const html = status >= 300 && status < 400 ? "" : await response.text();
          const what = `#${index} ${post.label} (${type.split(";")[0]}) → ${status}`;
          if (status >= 500) {
            problems.push(`${what}: a server error ${html.slice(0, 200)}`);
            continue;
          }
          const refused = status >= 400 || (status === 200 && /aria-invalid="true"/.test(html));
          if (!refused) continue;
          const diff = changed(before, await rowCounts());
          if (diff.length > 0) problems.push(`${what}: a refusal that wrote ${diff.join(", ")}`);
          if (wholeFormRefusal(status, html, post, action) || /aria-invalid="true"/.test(html) || /champ « [^»]+ »/.test(html)) continue;
          // The page shows no field marked: ask the action's data, as the app's own forms do (same input, refused again, nothing written).
          const again = await context.post(dataUrl(url), { data: body, headers: { Origin: base, "Content-Type": type }, maxRedirects: 0 });
          const fields = again.status() < 500 ? await fieldErrorsOf(again) : [];
          const diffAgain = changed(before, await rowCounts());
          if (again.status() >= 500 || diffAgain.length > 0) problems.push(`${what}: as .data → ${again.status()}, wrote ${diffAgain.join(", ") || "nothing"}`);
          else if (fields.length === 0) problems.push(`${what}: a refusal that names no field (${alertText(html)})`);
        }
      }
      if (action.as === "anonymous") await context.dispose();
      // What the sample met (accepted, refused by the schema, by the use case…): shown in the report.
      const tally = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
      test.info().annotations.push({ type: "statuses", description: tally });
      console.log(`${app} ${url}: ${tally}`);
      // FORM_FUZZ_REPORT=<file>: write every problem there and go on (a survey of all actions in one run).
      if (process.env.FORM_FUZZ_REPORT) {
        appendFileSync(process.env.FORM_FUZZ_REPORT, problems.map((p) => `${app} ${route} ${p}\n`).join(""));
        return;
      }
      expect(problems, `${app} ${url}`).toEqual([]);
    });
  }
}
