/**
 * The API's isolation matrix, generated from the operations registry: every operation is called by
 * every kind of caller on company A's resources (a claim with internal items, an invoice, a proposal,
 * an upload), and no answer may carry what the caller must not see.
 */
import { Readable } from "node:stream";
import { hashToken } from "@accord/auth";
import { addInternalNote, addInternalNoteSchema, attachStagedUploads, createProposal, createProposalSchema, parseInput, qualifyCase, qualifyCaseSchema, startInvestigation } from "@accord/core";
import { createCustomer, createStaff, staffActor } from "@accord/core/testing";
import { apiKeys, cases, integrationKeys, proposals, settings, stagedUploads, storedFiles, supplierIdentity } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";
import type { AnyOperation } from "./operation";
import { operations } from "./operations";
import { PDF, testFileStore } from "./test-support";
import { inputJsonSchema } from "@accord/web/testing/zod-arbitrary";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");
const urls = { portalUrl: "http://portal.test", backofficeUrl: "http://backoffice.test" };
/** The API at `minutes` after the start (the matrix runs an hour after the setup's staff actions). */
const api = (minutes = 60) => createApiHandler({ db: t.db, ...urls, store: testFileStore(), maxFileBytes: 64 * 1024, rateLimitPerMinute: 100_000, now: () => new Date(now.getTime() + minutes * 60_000) });

/** Who calls, in the order they call (A's admin last: its writes must not hide what others would see). */
const CALLERS = ["none", "unknown", "revoked", "integration", "companyB", "memberA", "viewerA", "adminA"] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

/** A customer operation: no key, an unknown or a revoked one are 401, an integration key 403. */
const customer = (rows: Pick<Expected, "companyB" | "memberA" | "viewerA" | "adminA">): Expected => ({ none: 401, unknown: 401, revoked: 401, integration: 403, ...rows });
/** An import operation (integration keys): every company key is 403. */
const imports = (integration: number): Expected => ({ none: 401, unknown: 401, revoked: 401, integration, companyB: 403, memberA: 403, viewerA: 403, adminA: 403 });

/**
 * The expected status of every operation for every caller. Company B acting on A's resources gets a
 * 404 (never a 403 that would confirm them); on a collection it acts on its own data (its answer is
 * then checked for A's markers).
 */
const EXPECTED: Record<string, Expected> = {
  createClaim: customer({ companyB: 422, memberA: 422, viewerA: 403, adminA: 201 }),
  listClaims: customer({ companyB: 200, memberA: 200, viewerA: 200, adminA: 200 }),
  getClaim: customer({ companyB: 404, memberA: 404, viewerA: 200, adminA: 200 }),
  postClaimMessage: customer({ companyB: 404, memberA: 404, viewerA: 403, adminA: 201 }),
  uploadFiles: customer({ companyB: 201, memberA: 201, viewerA: 403, adminA: 201 }),
  addClaimEvidence: customer({ companyB: 404, memberA: 404, viewerA: 403, adminA: 201 }),
  getClaimProposal: customer({ companyB: 404, memberA: 404, viewerA: 200, adminA: 200 }),
  decideClaimProposal: customer({ companyB: 404, memberA: 404, viewerA: 403, adminA: 200 }),
  listInvoices: customer({ companyB: 200, memberA: 200, viewerA: 200, adminA: 200 }),
  getInvoice: customer({ companyB: 404, memberA: 200, viewerA: 200, adminA: 200 }),
  // The examples name invoices and accounts of the OpenAPI test's data, not this one's: refused rows (422), nothing written.
  importClaims: customer({ companyB: 422, memberA: 422, viewerA: 403, adminA: 422 }),
  importInvoices: imports(422),
  importPayments: imports(422),
};

const KEYS: Record<Exclude<Caller, "none">, string> = {
  unknown: "accord_live_nobody_has_this_key",
  revoked: "accord_live_iso_revoked",
  integration: "accord_int_iso",
  companyB: "accord_live_iso_b",
  memberA: "accord_live_iso_member_a",
  viewerA: "accord_live_iso_viewer_a",
  adminA: "accord_live_iso_admin_a",
};

const unique = () => Math.random().toString(36).slice(2, 10).toUpperCase();
/** What no caller may ever read through the API (A's internal items, staff-only fields). */
const SECRETS = {
  internalNote: `NOTEINTERNE${unique()}`,
  internalFileName: `FICHIERINTERNE${unique()}`,
  internalFileContent: `CONTENUINTERNE${unique()}`,
  /** The internal note's event (its type is never in a customer's view). */
  internalEvent: "internal_note_added",
  rootCause: `CAUSERACINE${unique()}`,
  impactScore: "7654321",
};
/** A's own public title (not for B or anonymous callers), and B's (never for A's keys). */
const A_TITLE = `TITREA${unique()}`;
const B_TITLE = `TITREB${unique()}`;

interface World {
  reference: string;
  invoiceNumber: string;
  proposalId: string;
  uploadId: string;
}
let world: World;

const call = (method: string, path: string, key: string | undefined, body?: unknown) =>
  api(0)(new Request(`http://portal.test/api/v1${path}`, { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "Content-Type": "application/json" } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) }));

async function company(name: string, invoiceNumber: string) {
  const account = await insertCustomerAccount(t.db, { name });
  const admin = await createCustomer(t.db, { accountId: account.id, role: "admin", name: `Admin ${name}` });
  await insertInvoice(t.db, { accountId: account.id, number: invoiceNumber, issueDate: "2026-11-10", lines: [{ description: "Farine T65", quantityMilli: 10_000, unitPriceCents: 1850, vatRateBp: 550 }] });
  return { account, admin };
}

const claimBody = (invoiceNumber: string, title: string) => ({ type: "quality", title, description: "Sacs humides.", desiredOutcome: "credit_note", quality: { product: "Farine T65" }, lines: [{ invoiceNumber, lineNo: 1, contestedQuantity: 3 }] });

beforeAll(async () => {
  const a = await company("Alpha Isolation", "FA-ISO-A");
  const b = await company("Beta Isolation", "FA-ISO-B");
  const viewer = await createCustomer(t.db, { accountId: a.account.id, role: "viewer" });
  const key = (accountId: string, actingUserId: string, raw: string, revokedAt: Date | null = null) =>
    t.db.insert(apiKeys).values({ accountId, name: "ERP", prefix: raw.slice(0, 12), keyHash: hashToken(raw), actingUserId, revokedAt });
  await key(a.account.id, a.admin.id, KEYS.adminA);
  await key(a.account.id, viewer.id, KEYS.viewerA);
  // A member sees only the claims they filed: A's claim (filed by the admin) is not theirs.
  const member = await createCustomer(t.db, { accountId: a.account.id, role: "member" });
  await key(a.account.id, member.id, KEYS.memberA);
  await key(a.account.id, a.admin.id, KEYS.revoked, now);
  await key(b.account.id, b.admin.id, KEYS.companyB);
  const staffAdmin = await createStaff(t.db, { roles: ["admin"] });
  await t.db.insert(integrationKeys).values({ name: "ERP", prefix: "accord_int_i", keyHash: hashToken(KEYS.integration), createdById: staffAdmin.id });

  // A's claim, with a proposal offered by an agent, and internal items planted on it.
  const filed = await call("POST", "/claims", KEYS.adminA, claimBody("FA-ISO-A", A_TITLE));
  expect(filed.status).toBe(201);
  const { reference } = (await filed.json()) as { reference: string };
  expect((await call("POST", "/claims", KEYS.companyB, claimBody("FA-ISO-B", B_TITLE))).status).toBe(201);
  const value = { default: { supervisorAboveCents: 1_000_000, financeAboveCents: 2_000_000 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  await t.db.insert(supplierIdentity).values({ id: 1, legalName: "Minoterie Test SAS", siren: "842197352", vatNumber: "FR88842197352", address: "1 rue du Test\n60300 Senlis" }).onConflictDoNothing();
  const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference, type: "quality", priority: "P2" }), now: at(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference }, now: at(10) });
  await createProposal({ db: t.db, actor: agent, input: parseInput(createProposalSchema, { reference, kind: "credit_note", amount: "30,00", terms: "Avoir sur la facture.", expiresOn: "2026-12-20" }), now: at(20), ...urls });
  const [row] = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
  const [proposal] = await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.caseId, row!.id));

  await t.db.update(cases).set({ rootCauseAnalysis: SECRETS.rootCause, impactScore: Number(SECRETS.impactScore) }).where(eq(cases.id, row!.id));
  await addInternalNote({ db: t.db, actor: agent, input: parseInput(addInternalNoteSchema, { reference, body: `Note ${SECRETS.internalNote}` }), now: at(24) });
  const store = testFileStore();
  const written = await store.writeTemp(Readable.from([Buffer.from(`%PDF-1.4 ${SECRETS.internalFileContent}`)]), { maxBytes: 1024 * 1024 });
  if (!written.ok) throw new Error("the internal file could not be written");
  await store.commit(written.tempKey, written.sha256);
  await t.db.insert(storedFiles).values({ sha256: written.sha256, sizeBytes: written.sizeBytes, contentType: "application/pdf", refCount: 1 }).onConflictDoNothing();
  const [internalUpload] = await t.db
    .insert(stagedUploads)
    .values({ uploaderKind: "staff", uploaderId: agent.userId, accountId: null, sha256: written.sha256, fileName: `${SECRETS.internalFileName}.pdf`, contentType: "application/pdf", sizeBytes: written.sizeBytes, expiresAt: at(600) })
    .returning();
  await t.db.transaction(async (tx) => {
    await attachStagedUploads(tx, { uploadIds: [internalUpload!.id], uploader: { kind: "staff", id: agent.userId }, caseId: row!.id, visibility: "internal", now: at(25) });
  });

  // A's upload, staged through the API by A's admin.
  const form = new FormData();
  form.append("file", new Blob([PDF], { type: "application/pdf" }), "bon-a.pdf");
  const uploaded = await api()(new Request("http://portal.test/api/v1/uploads", { method: "POST", headers: { Authorization: `Bearer ${KEYS.adminA}` }, body: form }));
  expect(uploaded.status).toBe(201);
  const { uploads } = (await uploaded.json()) as { uploads: { id: string }[] };
  world = { reference, invoiceNumber: "FA-ISO-A", proposalId: proposal!.id, uploadId: uploads[0]!.id };
});

/** The operation's path with A's resources in its parameters. */
function pathOf(operation: AnyOperation): string {
  const resources: Record<string, string> = { reference: world.reference, number: world.invoiceNumber };
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = resources[name];
    if (value === undefined) throw new Error(`${operation.operationId}: the isolation matrix has no company A resource for path parameter {${name}}; add one in pathOf()`);
    return encodeURIComponent(value);
  });
}

/** The operation's own example, naming A's resources wherever it names one. */
function aimAtA(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(aimAtA);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([name, field]) => {
        if (name === "uploadIds") return [name, [world.uploadId]];
        if (name === "proposalId") return [name, world.proposalId];
        if (name === "invoiceNumber") return [name, world.invoiceNumber];
        if (name === "invoiceLineId") return [name, undefined];
        return [name, aimAtA(field)];
      }),
    );
  }
  return value;
}

function requestOf(operation: AnyOperation, caller: Caller): Request {
  const headers: Record<string, string> = caller === "none" ? {} : { Authorization: `Bearer ${KEYS[caller]}` };
  const init: RequestInit = { method: operation.method, headers };
  if (operation.body) {
    headers["Content-Type"] = "application/json";
    const body = aimAtA(operation.body.example) as Record<string, unknown>;
    // Every other caller also tries to use A's upload wherever the body takes files.
    if (caller !== "adminA" && "uploadIds" in (inputJsonSchema(operation.body.schema).properties ?? {})) body.uploadIds = [world.uploadId];
    init.body = JSON.stringify(body);
  } else if (operation.csv) {
    headers["Content-Type"] = "text/csv";
    init.body = operation.csv.example;
  } else if (operation.multipart) {
    const form = new FormData();
    for (const [name, value] of Object.entries(operation.multipart.example)) form.append(name, value);
    form.append(operation.multipart.fileField, new Blob([PDF], { type: "application/pdf" }), "preuve.pdf");
    init.body = form;
  }
  return new Request(`http://portal.test/api/v1${pathOf(operation)}`, init);
}

describe("API isolation matrix", () => {
  it("has an entry for every operation of the registry", () => {
    const missing = operations.map((operation) => operation.operationId).filter((id) => !(id in EXPECTED));
    expect(missing, `operations without an entry in EXPECTED of isolation.int.test.ts: ${missing.join(", ")}`).toEqual([]);
  });

  it("answers each caller of each operation on company A's resources as expected, and never shows what the caller may not see", async () => {
    const seen: string[] = [];
    for (const caller of CALLERS) {
      // Reads before writes (A's admin decides the proposal only after reading it).
      const ordered = [...operations].sort((x, y) => (x.method === y.method ? 0 : x.method === "GET" ? -1 : 1));
      for (const operation of ordered) {
        const expected = EXPECTED[operation.operationId];
        if (!expected) throw new Error(`${operation.operationId} has no entry in EXPECTED of isolation.int.test.ts: say what each caller gets`);
        const response = await api()(requestOf(operation, caller));
        const text = await response.text();
        seen.push(`${operation.operationId} ${caller} ${response.status}`);
        expect(`${operation.operationId} as ${caller} → ${response.status}`, text.slice(0, 500)).toBe(`${operation.operationId} as ${caller} → ${expected[caller]}`);
        if (response.status >= 400) expect(response.headers.get("content-type"), `${operation.operationId} as ${caller}`).toMatch(/^application\/problem\+json/);
        for (const [name, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${operation.operationId} as ${caller} shows A's ${name}`).toBe(false);
        if (caller !== "companyB") expect(text.includes(B_TITLE), `${operation.operationId} as ${caller} shows company B's claim`).toBe(false);
        if (caller !== "adminA" && caller !== "viewerA") {
          // (A's member did not file A's claim: it is not theirs to see either.)
          expect(text.includes(A_TITLE), `${operation.operationId} as ${caller} shows company A's claim`).toBe(false);
          expect(text.includes(world.reference), `${operation.operationId} as ${caller} names company A's claim`).toBe(false);
        }
      }
      if (caller !== "adminA") {
        // Nobody but A's admin used A's upload or answered A's proposal.
        const [upload] = await t.db.select({ id: stagedUploads.id }).from(stagedUploads).where(eq(stagedUploads.id, world.uploadId));
        const [proposal] = await t.db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, world.proposalId));
        expect(upload, `A's upload after ${caller}'s calls`).toBeDefined();
        expect(proposal!.status, `A's proposal after ${caller}'s calls`).toBe("offered");
      }
    }
    expect(seen.length).toBe(CALLERS.length * operations.length);
    // The checks above could fail: A's admin answered the proposal, and can still use the upload.
    const [proposal] = await t.db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, world.proposalId));
    expect(proposal!.status).not.toBe("offered");
    expect((await call("POST", `/claims/${world.reference}/messages`, KEYS.adminA, { body: "Pièce jointe", uploadIds: [world.uploadId] })).status).toBe(201);
    expect(await t.db.select({ id: stagedUploads.id }).from(stagedUploads).where(eq(stagedUploads.id, world.uploadId))).toEqual([]);
  });
});
