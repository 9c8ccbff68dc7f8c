import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cases, createDb, emailMessages, evidence } from "@accord/db";
import { expect, test } from "@playwright/test";
import { and, eq, inArray, like } from "drizzle-orm";
import { startAccord, statusOf } from "../support/stack";

const SUBMISSIONS = 500;
const CLIENTS = 32;
/** The portal is killed once this many claims are acknowledged: well under way, far from done. */
const KILL_AFTER = 60;
const KEY = "accord_demo_martin";

type Outcome = { status: number; sent: number; body: unknown };

/**
 * `kill -9` of the portal while 32 API clients file 500 claims (half of them with a file uploaded
 * first): `npm start` starts it again, every request that got no 2xx is sent again with the same
 * Idempotency-Key and body until it is acknowledged, and then each claim is there once, with the
 * hash of its file, and one acknowledgement e-mail each.
 */
test("kill -9 of the portal during 500 API claim submissions: after the restart and the replays nothing is lost, nothing is filed twice", async () => {
  test.setTimeout(900_000);
  const started = Date.now();
  // The demo key's bound (120 a minute) is for ERPs, not for this load.
  const accord = await startAccord({ env: { API_RATE_LIMIT_PER_MINUTE: "1000000" } });
  const handle = createDb(readFileSync(path.join(accord.dataDir, "database-url"), "utf8").trim(), { max: 2 });
  try {
    const run = randomBytes(4).toString("hex");
    const marker = (i: number) => `[crash-${run}-${i}]`;
    const api = `${accord.portal}/api/v1`;

    let killedAt = 0;
    let restartedAt = 0;
    const fiveHundreds: { sent: number; status: number; path: string }[] = [];
    let conflicts = 0;
    let failedAttempts = 0;

    /** Sends one request, never throwing: a refused or cut connection is status 0. */
    async function send(pathname: string, init: RequestInit): Promise<Outcome> {
      const sent = Date.now();
      try {
        const response = await fetch(`${api}${pathname}`, { ...init, signal: AbortSignal.timeout(60_000) });
        const text = await response.text();
        if (response.status >= 500) fiveHundreds.push({ sent, status: response.status, path: pathname });
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // a non-JSON answer (e.g. a proxy's): kept as text for the failure message
        }
        return { status: response.status, sent, body };
      } catch {
        return { status: 0, sent, body: null };
      }
    }

    /** The same request (same key, same body) until a 2xx; a 4xx other than 409 is a failure of the test. */
    async function untilAcknowledged(pathname: string, idempotencyKey: string, body: () => BodyInit, contentType?: string): Promise<Outcome> {
      for (let attempt = 0; attempt < 2_000; attempt++) {
        const outcome = await send(pathname, {
          method: "POST",
          headers: { Authorization: `Bearer ${KEY}`, "Idempotency-Key": idempotencyKey, ...(contentType ? { "Content-Type": contentType } : {}) },
          body: body(),
        });
        if (outcome.status >= 200 && outcome.status < 300) return outcome;
        failedAttempts += 1;
        if (outcome.status === 409) conflicts += 1;
        else if (outcome.status >= 400 && outcome.status < 500) throw new Error(`${pathname} (${idempotencyKey}) answered ${outcome.status}: ${JSON.stringify(outcome.body)}`);
        await new Promise((resolve) => setTimeout(resolve, outcome.status === 409 ? 1_000 : 250));
      }
      throw new Error(`${pathname} (${idempotencyKey}) was never acknowledged`);
    }

    type Filed = { i: number; reference: string; sha256: string | null };
    const filed: Filed[] = [];
    let inFlight = 0;

    async function submit(i: number): Promise<Filed> {
      let sha256: string | null = null;
      const uploadIds: string[] = [];
      if (i % 2 === 0) {
        // A small PDF of its own (uploads are checked by their content), its SHA-256 computed here.
        const pdf = Buffer.from(`%PDF-1.4\n%${marker(i)}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
        sha256 = createHash("sha256").update(pdf).digest("hex");
        const form = () => {
          const data = new FormData();
          data.append("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), `bon-${i}.pdf`);
          return data;
        };
        inFlight += 1;
        const uploaded = await untilAcknowledged("/uploads", `crash-${run}-upload-${i}`, form).finally(() => (inFlight -= 1));
        uploadIds.push(...(uploaded.body as { uploads: { id: string }[] }).uploads.map((u) => u.id));
      }
      const claim = JSON.stringify({
        type: "quality",
        title: `Farine humide ${marker(i)}`,
        description: "Sacs humides à la réception (envoyé par l'ERP pendant un crash).",
        desiredOutcome: "credit_note",
        quality: { product: "Farine de blé T65 — sac de 25 kg", lotNumber: "L2026-0917" },
        lines: [{ invoiceNumber: "FA-2026-10412", lineNo: 1, contestedQuantity: 1 }],
        ...(uploadIds.length > 0 ? { uploadIds } : {}),
      });
      inFlight += 1;
      const created = await untilAcknowledged("/claims", `crash-${run}-claim-${i}`, () => claim, "application/json").finally(() => (inFlight -= 1));
      const entry = { i, reference: (created.body as { reference: string }).reference, sha256 };
      filed.push(entry);
      return entry;
    }

    let next = 0;
    const clients = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < SUBMISSIONS) await submit(next++);
      }),
    );
    const loadStarted = Date.now();

    await expect.poll(() => filed.length, { message: `${KILL_AFTER} claims acknowledged before the kill`, timeout: 180_000, intervals: [10] }).toBeGreaterThanOrEqual(KILL_AFTER);
    const killed = accord.pidOf("portal");
    process.kill(killed, "SIGKILL");
    killedAt = Date.now();
    const acknowledgedAtKill = filed.length;
    const inFlightAtKill = inFlight;
    // Otherwise this test proves nothing: some answered, some under way, most not sent yet.
    expect(acknowledgedAtKill).toBeLessThan(SUBMISSIONS);
    expect(inFlightAtKill).toBeGreaterThan(0);

    await expect.poll(() => accord.pidOf("portal"), { message: "npm start to start the portal again", timeout: 180_000 }).not.toBe(killed);
    await expect.poll(() => statusOf(`${accord.portal}/healthz`), { message: "the new portal to answer", timeout: 300_000, intervals: [100] }).toBe(200);
    restartedAt = Date.now();

    await clients;
    const loadSeconds = Math.round((Date.now() - loadStarted) / 1000);

    // Every acknowledged reference exists once; 500 claims in all, none twice.
    expect(filed).toHaveLength(SUBMISSIONS);
    const rows = await handle.db.select({ id: cases.id, reference: cases.reference, title: cases.title }).from(cases).where(like(cases.title, `%[crash-${run}-%`));
    const byMarker = new Map<number, typeof rows>();
    for (const row of rows) {
      const i = Number(/\[crash-[0-9a-f]+-(\d+)\]/.exec(row.title)![1]);
      byMarker.set(i, [...(byMarker.get(i) ?? []), row]);
    }
    const duplicated = [...byMarker.values()].filter((list) => list.length > 1).length;
    const lost = filed.filter((entry) => !rows.some((row) => row.reference === entry.reference)).length;
    expect({ claims: rows.length, distinct: byMarker.size, duplicated, lost }).toEqual({ claims: SUBMISSIONS, distinct: SUBMISSIONS, duplicated: 0, lost: 0 });
    for (const entry of filed) expect(byMarker.get(entry.i)?.[0]?.reference, `claim ${entry.i}`).toBe(entry.reference);

    // Each claim's evidence carries the hash of the file sent, and only that file.
    const idOf = new Map(rows.map((row) => [row.reference, row.id]));
    const files = await handle.db.select({ caseId: evidence.caseId, sha256: evidence.sha256 }).from(evidence).where(inArray(evidence.caseId, rows.map((row) => row.id)));
    const hashesOf = (caseId: string) => files.filter((file) => file.caseId === caseId).map((file) => file.sha256);
    for (const entry of filed) expect(hashesOf(idOf.get(entry.reference)!), `evidence of claim ${entry.i}`).toEqual(entry.sha256 ? [entry.sha256] : []);

    // One acknowledgement e-mail each, delivered once.
    await expect
      .poll(
        async () =>
          (await handle.db.select({ state: emailMessages.state }).from(emailMessages).where(and(eq(emailMessages.template, "claim-acknowledged"), inArray(emailMessages.caseId, rows.map((row) => row.id))))).filter(
            (row) => row.state === "sent",
          ).length,
        { message: `the ${SUBMISSIONS} acknowledgements sent`, timeout: 300_000, intervals: [1_000] },
      )
      .toBe(SUBMISSIONS);
    const references = new Set(filed.map((entry) => entry.reference));
    const acknowledgements = readdirSync(accord.mailbox)
      .filter((name) => name.endsWith(".json"))
      .map((name) => (JSON.parse(readFileSync(path.join(accord.mailbox, name), "utf8")) as { subject: string }).subject)
      .map((subject) => /LIT-\d{4}-\d+/.exec(subject)?.[0])
      .filter((reference): reference is string => reference !== undefined && references.has(reference));
    expect(acknowledgements).toHaveLength(SUBMISSIONS);
    expect(new Set(acknowledgements).size).toBe(SUBMISSIONS);

    const after = fiveHundreds.filter((hit) => hit.sent >= restartedAt);
    expect(after).toEqual([]);
    console.log(
      `portal crash: ${SUBMISSIONS} submissions, 1 kill -9 after ${acknowledgedAtKill} acknowledged, lost ${lost}, duplicated ${duplicated}, 5xx after restart ${after.length}` +
        ` (${inFlightAtKill} requests in flight at the kill, portal back ${((restartedAt - killedAt) / 1000).toFixed(1)} s after it, ${failedAttempts} failed attempts of which ${conflicts} 409 while a dead run's key was leased; load ${loadSeconds} s, test ${Math.round((Date.now() - started) / 1000)} s)`,
    );
  } finally {
    await handle.close();
    await accord.stop();
  }
});
