import { hashToken, loadCustomerActor } from "@accord/auth";
import { createCustomer, createStaff } from "@accord/core/testing";
import { createProposal, createProposalSchema, openEvidenceFile, parseInput, qualifyCase, qualifyCaseSchema, startInvestigation } from "@accord/core";
import { staffActor } from "@accord/core/testing";
import { apiKeys, cases, emailMessages, evidence, integrationKeys, reasonCodes, settings, supplierIdentity } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";
import { defineOperation } from "./operation";
import { z } from "zod";
import { PDF, testFileStore } from "./test-support";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");
const BASE = "http://portal.test/api/v1";

interface World {
  martinKey: string;
  portKey: string;
  integrationKey: string;
  martinUserId: string;
  martinAccountId: string;
  portReference: string;
}
let world: World;

async function companyWithKey(name: string, key: string, invoiceNumber: string) {
  const account = await insertCustomerAccount(t.db, { name });
  const user = await createCustomer(t.db, { accountId: account.id, role: "admin", name: `Admin ${name}` });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: key.slice(0, 12), keyHash: hashToken(key), actingUserId: user.id, createdByCustomerId: user.id });
  await insertInvoice(t.db, {
    accountId: account.id,
    number: invoiceNumber,
    issueDate: "2026-11-10",
    lines: [
      { description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 1850, vatRateBp: 550 },
      { description: "Levure", quantityMilli: 2_000, unitPriceCents: 900, vatRateBp: 550 },
    ],
  });
  return { account, user };
}

const api = (options: { rateLimitPerMinute?: number } = {}) =>
  createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test", store: testFileStore(), maxFileBytes: 64 * 1024, now: () => now, ...options });

function call(method: string, path: string, { key, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const init: RequestInit = { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`${BASE}${path}`, init);
}

const claimBody = (invoiceNumber: string, overrides: Record<string, unknown> = {}) => ({
  type: "quality",
  title: "Farine humide",
  description: "Trois sacs humides à la livraison.",
  desiredOutcome: "credit_note",
  quality: { product: "Farine T65", lotNumber: "L-2211" },
  lines: [{ invoiceNumber, lineNo: 1, contestedQuantity: 3 }],
  ...overrides,
});

beforeAll(async () => {
  const martin = await companyWithKey("Boulangeries Martin", "accord_live_martin_test", "FA-M-1");
  await companyWithKey("Hôtel du Port", "accord_live_port_test", "FA-P-1");
  const admin = await createStaff(t.db, { roles: ["admin"] });
  await t.db.insert(integrationKeys).values({ name: "ERP", prefix: "accord_int_t", keyHash: hashToken("accord_int_test"), createdById: admin.id });
  const port = await api()(call("POST", "/claims", { key: "accord_live_port_test", body: claimBody("FA-P-1") }));
  expect(port.status).toBe(201);
  world = {
    martinKey: "accord_live_martin_test",
    portKey: "accord_live_port_test",
    integrationKey: "accord_int_test",
    martinUserId: martin.user.id,
    martinAccountId: martin.account.id,
    portReference: ((await port.json()) as { reference: string }).reference,
  };
});

describe("API v1: keys", () => {
  it("refuses a missing, unknown or revoked key with 401 problem+json, in French or in English", async () => {
    const missing = await api()(call("GET", "/claims"));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ status: 401, title: "Authentification requise", detail: expect.stringContaining("Authorization") });

    const unknown = await api()(call("GET", "/claims", { key: "accord_live_nope", headers: { "Accept-Language": "en-GB,en;q=0.9" } }));
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ title: "Authentication required", detail: "This API key does not exist or has been revoked." });

    await t.db.insert(apiKeys).values({ accountId: world.martinAccountId, name: "old", prefix: "accord_live_", keyHash: hashToken("accord_live_revoked"), actingUserId: world.martinUserId, revokedAt: now });
    expect((await api()(call("GET", "/claims", { key: "accord_live_revoked" }))).status).toBe(401);
  });

  it("refuses a key whose acting user was deactivated, saying so", async () => {
    const account = await insertCustomerAccount(t.db, {});
    const user = await createCustomer(t.db, { accountId: account.id, active: false });
    await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: "accord_live_", keyHash: hashToken("accord_live_inactive"), actingUserId: user.id });
    const response = await api()(call("GET", "/claims", { key: "accord_live_inactive" }));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/désactivé/);
  });

  it("a viewer's key reads but may not file (403 on the collection)", async () => {
    const viewer = await createCustomer(t.db, { accountId: world.martinAccountId, role: "viewer" });
    await t.db.insert(apiKeys).values({ accountId: world.martinAccountId, name: "BI", prefix: "accord_live_", keyHash: hashToken("accord_live_viewer"), actingUserId: viewer.id });
    expect((await api()(call("GET", "/claims", { key: "accord_live_viewer" }))).status).toBe(200);
    const refused = await api()(call("POST", "/claims", { key: "accord_live_viewer", body: claimBody("FA-M-1") }));
    expect(refused.status).toBe(403);
  });

  it("lets an integration key call no customer operation (403)", async () => {
    const response = await api()(call("GET", "/claims", { key: world.integrationKey }));
    expect(response.status).toBe(403);
  });

  it("records the key's last use at most once a minute", async () => {
    const at = (iso: string) => createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 64 * 1024, now: () => new Date(iso) });
    const lastUsed = async () => (await t.db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.keyHash, hashToken(world.martinKey))))[0]!.at;
    await at("2026-11-24T10:00:00Z")(call("GET", "/claims", { key: world.martinKey }));
    expect(await lastUsed()).toEqual(new Date("2026-11-24T10:00:00Z"));
    await at("2026-11-24T10:00:30Z")(call("GET", "/claims", { key: world.martinKey }));
    expect(await lastUsed()).toEqual(new Date("2026-11-24T10:00:00Z"));
    await at("2026-11-24T10:01:30Z")(call("GET", "/claims", { key: world.martinKey }));
    expect(await lastUsed()).toEqual(new Date("2026-11-24T10:01:30Z"));
  });
});

describe("API v1: claims", () => {
  it("files a claim through the API (channel api, one acknowledgement), then reads it and lists it", async () => {
    const before = await t.db.select({ id: emailMessages.id }).from(emailMessages);
    const created = await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { claimedAmountCents: 4000, lines: [{ invoiceNumber: "FA-M-1", lineNo: 1, contestedQuantity: 2.5 }] }) }));
    expect(created.status).toBe(201);
    const claim = (await created.json()) as { reference: string; status: string; lines: { contestedQuantity: number; invoiceNumber: string }[]; disputedAmountCents: number };
    expect(claim.reference).toMatch(/^LIT-2026-\d{6}$/);
    expect(created.headers.get("location")).toBe(`/api/v1/claims/${claim.reference}`);
    expect(created.headers.get("ratelimit-limit")).toBe("120");
    expect(claim).toMatchObject({ status: "received", disputedAmountCents: 4000, lines: [{ invoiceNumber: "FA-M-1", contestedQuantity: 2.5 }] });
    const [row] = await t.db.select({ channel: cases.channel }).from(cases).where(eq(cases.reference, claim.reference));
    expect(row!.channel).toBe("api");
    const after = await t.db.select({ id: emailMessages.id, template: emailMessages.template }).from(emailMessages);
    expect(after.length - before.length).toBe(1);

    const read = await api()(call("GET", `/claims/${claim.reference}`, { key: world.martinKey }));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ reference: claim.reference, title: "Farine humide", details: { product: "Farine T65" } });

    const list = await api()(call("GET", "/claims?type=quality&status=open", { key: world.martinKey }));
    const page = (await list.json()) as { data: { reference: string }[]; next: string | null };
    expect(page.data.map((c) => c.reference)).toContain(claim.reference);
    expect(page.data.map((c) => c.reference)).not.toContain(world.portReference);
  });

  it("pages with an opaque cursor and a next link", async () => {
    for (let i = 0; i < 2; i++) expect((await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { title: `Page ${i}`, lines: [{ invoiceNumber: "FA-M-1", lineNo: 2, contestedQuantity: 1 }] }) }))).status).toBe(201);
    const first = (await (await api()(call("GET", "/claims?limit=1", { key: world.martinKey }))).json()) as { data: unknown[]; next: string; nextCursor: string };
    expect(first.data).toHaveLength(1);
    expect(first.next).toContain(`cursor=${first.nextCursor}`);
    const second = (await (await api()(new Request(first.next, { headers: { Authorization: `Bearer ${world.martinKey}` } }))).json()) as { data: { reference: string }[] };
    expect(second.data).toHaveLength(1);
    expect(second.data[0]).not.toEqual(first.data[0]);
    const bad = await api()(call("GET", "/claims?limit=1000&from=2026-13-01", { key: world.martinKey }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(["from", "limit"]);
  });

  it("never shows one company's claim to another's key (404)", async () => {
    const response = await api()(call("GET", `/claims/${world.portReference}`, { key: world.martinKey }));
    expect(response.status).toBe(404);
    const message = await api()(call("POST", `/claims/${world.portReference}/messages`, { key: world.martinKey, body: { body: "Bonjour" } }));
    expect(message.status).toBe(404);
  });

  it("names each invalid field by its JSON path, translated, and writes nothing", async () => {
    const count = async () => (await t.db.select({ id: cases.id }).from(cases)).length;
    const before = await count();
    const response = await api()(
      call("POST", "/claims", {
        key: world.martinKey,
        headers: { "Accept-Language": "en" },
        body: claimBody("FA-M-1", { title: "", lines: [{ invoiceNumber: "FA-M-1", lineNo: 1, contestedQuantity: 1.2345 }, { invoiceNumber: "FA-M-1", lineNo: 99, contestedQuantity: 1 }] }),
      }),
    );
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string; code: string; message: string }[] };
    expect(problem.errors).toEqual([{ field: "lines[1].lineNo", code: "line_unknown", message: "Invoice FA-M-1 has no line 99, or you do not have access to it." }]);

    const second = await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { title: "", lines: [{ invoiceNumber: "FA-M-1", lineNo: 1, contestedQuantity: 1.2345 }] }) }));
    expect(second.status).toBe(422);
    const fields = ((await second.json()) as { errors: { field: string; code: string }[] }).errors;
    expect(fields.map((e) => e.field).sort()).toEqual(["lines[0].contestedQuantity", "title"]);

    const wrongType = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...claimBody("FA-M-1"), lines: "x", desiredOutcome: 3 } }));
    expect(wrongType.status).toBe(422);
    expect(((await wrongType.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(["desiredOutcome", "lines"]);

    const misspelt = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...claimBody("FA-M-1"), claimedAmount: 12, lines: [{ invoiceNumber: "FA-M-1", lineNo: 1, quantity: 1 }] } }));
    expect(misspelt.status).toBe(422);
    expect(((await misspelt.json()) as { errors: { field: string; code: string }[] }).errors.filter((e) => e.code === "unknown_field").map((e) => e.field).sort()).toEqual([
      "claimedAmount",
      "lines[0].quantity",
    ]);

    const notJson = await api()(call("POST", "/claims", { key: world.martinKey, body: "{oops" }));
    expect(notJson.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("maps a reason code onto a type; an unknown code is a 422 naming reasonCode", async () => {
    await t.db.insert(reasonCodes).values({ accountId: world.martinAccountId, code: "HUM", caseType: "quality", label: "Humidité" });
    const { type: _type, ...withoutType } = claimBody("FA-M-1");
    const mapped = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...withoutType, reasonCode: "hum" } }));
    expect(mapped.status).toBe(201);
    expect(((await mapped.json()) as { type: string }).type).toBe("quality");
    const unknown = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...withoutType, reasonCode: "ZZZ" } }));
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([
      { field: "reasonCode", code: "reason_code_unknown", message: expect.stringContaining("ZZZ") },
    ]);
  });

  it("adds a message to a claim", async () => {
    const created = (await (await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { lines: [{ invoiceNumber: "FA-M-1", lineNo: 2, contestedQuantity: 1 }] }) }))).json()) as { reference: string };
    const posted = await api()(call("POST", `/claims/${created.reference}/messages`, { key: world.martinKey, body: { body: "Photos à suivre." } }));
    expect(posted.status).toBe(201);
    const read = (await (await api()(call("GET", `/claims/${created.reference}`, { key: world.martinKey }))).json()) as { messages: { body: string }[] };
    expect(read.messages.map((m) => m.body)).toContain("Photos à suivre.");
    const empty = await api()(call("POST", `/claims/${created.reference}/messages`, { key: world.martinKey, body: { body: "  " } }));
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("body");
  });
});

describe("API v1: evidence", () => {
  const form = (files: { name: string; bytes: Buffer }[], fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of files) body.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
    return body;
  };
  const post = (path: string, body: FormData, key = world.martinKey) => api()(new Request(`${BASE}${path}`, { method: "POST", headers: { Authorization: `Bearer ${key}` }, body }));

  it("uploads a file, files a claim with it, then adds more evidence with a message", async () => {
    const uploaded = await post("/uploads", form([{ name: "bon.pdf", bytes: PDF }]));
    expect(uploaded.status).toBe(201);
    const { uploads } = (await uploaded.json()) as { uploads: { id: string; fileName: string; contentType: string }[] };
    expect(uploads).toMatchObject([{ fileName: "bon.pdf", contentType: "application/pdf" }]);
    const created = await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { uploadIds: [uploads[0]!.id], lines: [{ invoiceNumber: "FA-M-1", lineNo: 2, contestedQuantity: 1 }] }) }));
    expect(created.status).toBe(201);
    const claim = (await created.json()) as { reference: string; evidence: { fileName: string }[] };
    expect(claim.evidence.map((f) => f.fileName)).toEqual(["bon.pdf"]);

    const added = await post(`/claims/${claim.reference}/evidence`, form([{ name: "photo.pdf", bytes: PDF }], { message: "Photo du lot." }));
    expect(added.status).toBe(201);
    const read = (await (await api()(call("GET", `/claims/${claim.reference}`, { key: world.martinKey }))).json()) as { evidence: { fileName: string }[]; messages: { body: string }[] };
    expect(read.evidence.map((f) => f.fileName).sort()).toEqual(["bon.pdf", "photo.pdf"]);
    expect(read.messages.map((m) => m.body)).toContain("Photo du lot.");
    // The portal downloads both files byte for byte, from the same store.
    const [filed] = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, claim.reference));
    const files = await t.db.select({ id: evidence.id, fileName: evidence.fileName }).from(evidence).where(eq(evidence.caseId, filed!.id));
    const actor = await loadCustomerActor(t.db, world.martinUserId);
    for (const file of files) {
      const download = await openEvidenceFile({ db: t.db, actor, input: { reference: claim.reference, evidenceId: file.id }, files: testFileStore() });
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(PDF), file.fileName).toBe(true);
    }
    // Another company's claim: nothing there for this key.
    expect((await post(`/claims/${world.portReference}/evidence`, form([{ name: "x.pdf", bytes: PDF }], { message: "x" }))).status).toBe(404);
  });

  it("refuses an oversized file with 413 naming the field, a file of another type with 422, and no file with 422", async () => {
    const big = await post("/uploads", form([{ name: "big.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(70 * 1024)]) }]));
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toMatch(/problem\+json/);
    expect(((await big.json()) as { errors: { field: string; code: string }[] }).errors).toMatchObject([{ field: "file", code: "too_large" }]);
    const exe = await post("/uploads", form([{ name: "virus.pdf", bytes: Buffer.from("MZ\x90\x00 not a pdf at all", "latin1") }]));
    expect(exe.status).toBe(422);
    expect(((await exe.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("file");
    const none = await post("/uploads", form([]));
    expect(none.status).toBe(422);
    const json = await api()(call("POST", "/uploads", { key: world.martinKey, body: {} }));
    expect(json.status).toBe(415);
  });
});

describe("API v1: proposals", () => {
  const urls = { portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" };
  // The customer answers an hour after the offer.
  const later = () =>
    createApiHandler({ db: t.db, ...urls, store: testFileStore(), maxFileBytes: 64 * 1024, now: () => new Date(now.getTime() + 60 * 60_000) });
  /** A claim of 55,50 € filed through the API, investigated by an agent who offers a 30 € credit note (no approval needed). */
  async function offeredClaim(title: string) {
    const value = { default: { supervisorAboveCents: 1_000_000, financeAboveCents: 2_000_000 } };
    await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await t.db.insert(supplierIdentity).values({ id: 1, legalName: "Minoterie Test SAS", siren: "842197352", vatNumber: "FR88842197352", address: "1 rue du Test\n60300 Senlis" }).onConflictDoNothing();
    const created = (await (await api()(call("POST", "/claims", { key: world.martinKey, body: claimBody("FA-M-1", { title, lines: [{ invoiceNumber: "FA-M-1", lineNo: 1, contestedQuantity: 3 }] }) }))).json()) as { reference: string };
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: created.reference, type: "quality", priority: "P2" }), now: at(5) });
    await startInvestigation({ db: t.db, actor: agent, input: { reference: created.reference }, now: at(10) });
    const input = parseInput(createProposalSchema, { reference: created.reference, kind: "credit_note", amount: "30,00", terms: "Avoir sur la facture.", expiresOn: "2026-12-20" });
    await createProposal({ db: t.db, actor: agent, input, now: at(20), ...urls });
    return created.reference;
  }

  it("reads the offered proposal and refuses it with a reason; a second answer is a 409", async () => {
    const reference = await offeredClaim("Proposition refusée");
    const read = await later()(call("GET", `/claims/${reference}/proposal`, { key: world.martinKey }));
    expect(read.status).toBe(200);
    const { proposal } = (await read.json()) as { proposal: { id: string; amountCents: number; status: string; canDecide: boolean; textSha256: string } };
    expect(proposal).toMatchObject({ amountCents: 3000, status: "offered", canDecide: true });
    const noReason = await later()(call("POST", `/claims/${reference}/proposal/decision`, { key: world.martinKey, body: { decision: "refuse", proposalId: proposal.id, reason: " " } }));
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("reason");
    const refused = await later()(call("POST", `/claims/${reference}/proposal/decision`, { key: world.martinKey, body: { decision: "refuse", proposalId: proposal.id, reason: "Trop peu." } }));
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ reference, decision: "refused" });
    const after = (await (await later()(call("GET", `/claims/${reference}/proposal`, { key: world.martinKey }))).json()) as { proposal: { status: string } };
    expect(after.proposal.status).toBe("declined");
    const again = await later()(call("POST", `/claims/${reference}/proposal/decision`, { key: world.martinKey, body: { decision: "refuse", proposalId: proposal.id, reason: "Encore." } }));
    expect(again.status).toBe(409);
    // Hôtel du Port's key sees nothing of it.
    expect((await later()(call("GET", `/claims/${reference}/proposal`, { key: world.portKey }))).status).toBe(404);
  });

  it("accepts the proposal with the text's SHA-256; a changed text is a 409", async () => {
    const reference = await offeredClaim("Proposition acceptée");
    const { proposal } = (await (await later()(call("GET", `/claims/${reference}/proposal`, { key: world.martinKey }))).json()) as { proposal: { id: string; textSha256: string } };
    const stale = await later()(
      call("POST", `/claims/${reference}/proposal/decision`, { key: world.martinKey, body: { decision: "accept", proposalId: proposal.id, consent: true, signerName: "Paul Martin", textSha256: "0".repeat(64) } }),
    );
    expect(stale.status).toBe(409);
    const accepted = await later()(
      call("POST", `/claims/${reference}/proposal/decision`, { key: world.martinKey, body: { decision: "accept", proposalId: proposal.id, consent: true, signerName: "Paul Martin", textSha256: proposal.textSha256 } }),
    );
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const read = (await (await later()(call("GET", `/claims/${reference}`, { key: world.martinKey }))).json()) as { status: string };
    expect(read.status).toBe("resolved");
  });
});

describe("API v1: invoices", () => {
  it("lists the company's invoices with their lines and reads one; another company's is 404", async () => {
    const list = (await (await api()(call("GET", "/invoices", { key: world.martinKey }))).json()) as { data: { number: string; lines: { lineNo: number; quantity: number }[] }[] };
    expect(list.data.map((i) => i.number)).toEqual(["FA-M-1"]);
    expect(list.data[0]!.lines.map((l) => [l.lineNo, l.quantity])).toEqual([[1, 10], [2, 2]]);
    expect((await api()(call("GET", "/invoices/FA-M-1", { key: world.martinKey }))).status).toBe(200);
    expect((await api()(call("GET", "/invoices/FA-P-1", { key: world.martinKey }))).status).toBe(404);
  });
});

describe("API v1: idempotency", () => {
  it("replays the first answer for the same key and body, refuses another body (422), files once", async () => {
    const body = claimBody("FA-M-1", { title: "Idempotent" });
    const first = await api()(call("POST", "/claims", { key: world.martinKey, body, headers: { "Idempotency-Key": "order-1" } }));
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const again = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...body }, headers: { "Idempotency-Key": "order-1" } }));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);
    const other = await api()(call("POST", "/claims", { key: world.martinKey, body: { ...body, title: "Autre" }, headers: { "Idempotency-Key": "order-1" } }));
    expect(other.status).toBe(422);
    const filed = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.title, "Idempotent"));
    expect(filed).toHaveLength(1);
    // Another company's key has its own key space.
    const port = await api()(call("POST", "/claims", { key: world.portKey, body: claimBody("FA-P-1", { title: "Idempotent" }), headers: { "Idempotency-Key": "order-1" } }));
    expect(port.status).toBe(201);
    expect(port.headers.get("idempotent-replayed")).toBeNull();
  });

  it("answers 409 to a duplicate sent while the first is running, and files once", async () => {
    const body = claimBody("FA-M-1", { title: "Concurrent" });
    const send = () => api()(call("POST", "/claims", { key: world.martinKey, body, headers: { "Idempotency-Key": "concurrent-1" } }));
    const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
    // One of them filed; each other one either saw it running (409) or finished (201 replayed).
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await t.db.select({ id: cases.id }).from(cases).where(eq(cases.title, "Concurrent"))).toHaveLength(1);
  });

  it("answers 409 with Retry-After to a duplicate while the first request is still running", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = defineOperation({
      method: "POST",
      path: "/slow",
      operationId: "slow",
      summary: "Waits",
      tag: "Test",
      access: "customer",
      body: { schema: z.object({ n: z.number() }), example: { n: 1 } },
      success: { status: 201, description: "ok", schema: z.object({ done: z.boolean() }) },
      async handle() {
        started();
        await gate;
        return { status: 201, body: { done: true } };
      },
    });
    const handler = createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 1024, operations: [slow], now: () => now });
    const send = () => handler(call("POST", "/slow", { key: world.martinKey, body: { n: 1 }, headers: { "Idempotency-Key": "slow-1" } }));
    const first = send();
    await running;
    const duplicate = await send();
    expect([duplicate.status, duplicate.headers.get("retry-after")]).toEqual([409, "1"]);
    release();
    expect((await first).status).toBe(201);
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
  });

  it("a server error releases the key: the retry with the same key runs again", async () => {
    let calls = 0;
    const flaky = defineOperation({
      method: "POST",
      path: "/flaky",
      operationId: "flaky",
      summary: "Fails once",
      tag: "Test",
      access: "customer",
      body: { schema: z.object({ n: z.number() }), example: { n: 1 } },
      success: { status: 201, description: "ok", schema: z.object({ calls: z.number() }) },
      async handle() {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        return { status: 201, body: { calls } };
      },
    });
    const handler = createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 1024, operations: [flaky], now: () => now });
    const send = () => handler(call("POST", "/flaky", { key: world.martinKey, body: { n: 1 }, headers: { "Idempotency-Key": "flaky-1" } }));
    const first = await send();
    expect(first.status).toBe(500);
    expect(first.headers.get("content-type")).toMatch(/problem\+json/);
    const second = await send();
    expect([second.status, await second.json()]).toEqual([201, { calls: 2 }]);
    const third = await send();
    expect([third.status, third.headers.get("idempotent-replayed"), await third.json()]).toEqual([201, "true", { calls: 2 }]);
  });

  it("keeps a key 24 hours: after that, the key may serve another request", async () => {
    const at = (iso: string) => createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 1024, now: () => new Date(iso) });
    const body = claimBody("FA-M-1", { title: "Clé du jour" });
    expect((await at("2026-11-26T08:00:00Z")(call("POST", "/claims", { key: world.martinKey, body, headers: { "Idempotency-Key": "daily" } }))).status).toBe(201);
    const sameDay = await at("2026-11-27T07:59:00Z")(call("POST", "/claims", { key: world.martinKey, body: { ...body, title: "Clé du lendemain" }, headers: { "Idempotency-Key": "daily" } }));
    expect(sameDay.status).toBe(422);
    const nextDay = await at("2026-11-27T08:01:00Z")(call("POST", "/claims", { key: world.martinKey, body: { ...body, title: "Clé du lendemain" }, headers: { "Idempotency-Key": "daily" } }));
    expect(nextDay.status).toBe(201);
    expect(nextDay.headers.get("idempotent-replayed")).toBeNull();
    expect(((await nextDay.json()) as { title: string }).title).toBe("Clé du lendemain");
  });

  it("keeps a refusal of the use case under its key too, as Stripe does", async () => {
    const bad = claimBody("FA-M-1", { title: "" });
    const first = await api()(call("POST", "/claims", { key: world.martinKey, body: bad, headers: { "Idempotency-Key": "bad-1" } }));
    expect(first.status).toBe(422);
    const replay = await api()(call("POST", "/claims", { key: world.martinKey, body: bad, headers: { "Idempotency-Key": "bad-1" } }));
    expect(replay.status).toBe(422);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("API v1: rate limit", () => {
  it("counts requests per key and minute in PostgreSQL, with RateLimit headers and a 429 with Retry-After", async () => {
    const key = world.portKey;
    const at = new Date("2026-11-25T10:00:20Z");
    const handler = createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store: testFileStore(), maxFileBytes: 64 * 1024, rateLimitPerMinute: 2, now: () => at });
    const one = await handler(call("GET", "/claims", { key }));
    expect([one.status, one.headers.get("ratelimit-remaining"), one.headers.get("ratelimit-reset")]).toEqual([200, "1", "40"]);
    const two = await handler(call("GET", "/claims", { key }));
    expect(two.headers.get("ratelimit-remaining")).toBe("0");
    const three = await handler(call("GET", "/claims", { key }));
    expect(three.status).toBe(429);
    expect(three.headers.get("retry-after")).toBe("40");
    expect(three.headers.get("ratelimit-policy")).toBe("2;w=60");
    expect(((await three.json()) as { detail: string }).detail).toContain("2");
    // Another key is counted apart.
    expect((await handler(call("GET", "/claims", { key: world.martinKey }))).status).toBe(200);
  });
});

describe("API v1: routes", () => {
  it("answers 404 and 405 as problems, and serves the OpenAPI document and the docs page without a key", async () => {
    expect((await api()(call("GET", "/nowhere", { key: world.martinKey }))).status).toBe(404);
    const wrong = await api()(call("DELETE", "/claims", { key: world.martinKey }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    const doc = await api()(call("GET", "/openapi.json"));
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
    const page = await api()(call("GET", "/docs"));
    expect(await page.text()).toContain('src="/api/v1/docs/scalar.js"');
    const script = await api()(call("GET", "/docs/scalar.js"));
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});

