import type { StaffActor } from "@accord/auth";
import {
  caseDecisions,
  caseEvents,
  caseLines,
  cases,
  customerAccounts,
  customerUsers,
  evidence,
  invoiceLines,
  invoices,
  invoiceSettlements,
  messages,
  proposalAcceptances,
  proposals,
  staffUsers,
  storedFiles,
  type Tx,
} from "@accord/db";
import { createHash, sign } from "node:crypto";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { asc, eq } from "drizzle-orm";
import { ZipFile } from "yazl";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef, SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { renderDossierPdf } from "./dossier-pdf";
import { safeFileName } from "./safe-file-name";
import { dossierReadme } from "./dossier-readme";
import { instanceSigningKey } from "./signing-key";

export const exportDossierSchema = z.object({ reference: caseReferenceSchema });
export type ExportDossierInput = z.output<typeof exportDossierSchema>;

/** What the export needs of the file store (files/file-store.ts). */
export interface DossierFileSource {
  openRead(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface DossierExport {
  fileName: string;
  /** The ZIP's exact size (every entry is stored, so it is known before the first byte). */
  sizeBytes: number | null;
  manifestSha256: string;
  files: ManifestEntry[];
  /** The ZIP, streamed: evidence is read from the store as the stream is consumed (and checked against its SHA-256). */
  stream: Readable;
}

type ExportArgs = UseCaseArgs<
  ExportDossierInput,
  {
    files: DossierFileSource;
    /** ACCORD_SIGNING_KEY when set (see signing-key.ts). */
    signingKeyPem?: string | undefined;
    /** The CLI (`export:dossier`): any case, recorded as the system. Whoever runs it holds the database's credentials. */
    operator?: boolean;
  }
>;

type Entry = ManifestEntry & ({ kind: "buffer"; bytes: Buffer } | { kind: "stored" });

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const buffer = (path: string, bytes: Buffer | Uint8Array | string): Entry => {
  const data = Buffer.isBuffer(bytes) ? bytes : typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
  return { kind: "buffer", path, bytes: data, size: data.length, sha256: sha256(data) };
};
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;


function euros(cents: number | null | undefined, currency: string): string {
  if (cents === null || cents === undefined) return "—";
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency }).format(cents / 100);
}

/**
 * The probative dossier of a case as a ZIP (issue 12, point 5): case.json and case.pdf, events.json
 * (every event with its hash and previous hash), messages.json (internal notes included, marked),
 * the evidence byte for byte, the agreement PDF, manifest.json (path, size, SHA-256 of each file),
 * SHA256SUMS, manifest.sig (Ed25519 over manifest.json's bytes) with public-key.pem, and LISEZMOI.txt.
 *
 * Staff who may read the case (a mediator only their cases; not_found otherwise). The export is
 * recorded as `dossier_exported` (with the manifest's SHA-256) in the case's chain, in the
 * transaction that read the case; events.json holds the events before it. The evidence is not read
 * here: the stream reads it from the store as it is consumed, so no file is ever held in memory.
 */
export async function exportDossier({ db, actor, input, now, files, signingKeyPem, operator }: ExportArgs): Promise<DossierExport> {
  const staff: StaffActor | null = operator ? null : requireStaff(actor, "case:read");
  const prepared = await db.transaction(async (tx) => {
    const row = staff ? await findStaffCase(tx, staff, input.reference) : await operatorCase(tx, input.reference);
    const [account] = await tx.select({ name: customerAccounts.name, siren: customerAccounts.siren, erpCode: customerAccounts.erpCode }).from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
    const [contact] = await tx
      .select({ name: customerUsers.name, email: customerUsers.email })
      .from(customerUsers)
      .where(eq(customerUsers.id, row.customerContactId));
    const staffNames = new Map((await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers)).map((s) => [s.id, s.name]));
    const customerNames = new Map(
      (await tx.select({ id: customerUsers.id, name: customerUsers.name }).from(customerUsers).where(eq(customerUsers.accountId, row.accountId))).map((c) => [c.id, c.name]),
    );
    const nameOf = (kind: string, id: string | null) => (id === null ? null : ((kind === "staff" ? staffNames.get(id) : kind === "customer" ? customerNames.get(id) : undefined) ?? null));

    const lines = await tx
      .select({
        invoiceNumber: invoices.number,
        lineNo: invoiceLines.lineNo,
        productCode: invoiceLines.productCode,
        description: invoiceLines.description,
        lotNumber: invoiceLines.lotNumber,
        quantityMilli: invoiceLines.quantityMilli,
        unitPriceCents: invoiceLines.unitPriceCents,
        lineTotalCents: invoiceLines.totalExclTaxCents,
        contestedQuantityMilli: caseLines.contestedQuantityMilli,
        contestedUnitPriceCents: caseLines.contestedUnitPriceCents,
        disputedAmountCents: caseLines.disputedAmountCents,
      })
      .from(caseLines)
      .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
      .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
      .where(eq(caseLines.caseId, row.id))
      .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));
    const caseProposals = await tx.select().from(proposals).where(eq(proposals.caseId, row.id)).orderBy(asc(proposals.number));
    const [acceptance] = await tx.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, row.id));
    const [decision] = await tx.select().from(caseDecisions).where(eq(caseDecisions.caseId, row.id));
    const settlements = await tx.select().from(invoiceSettlements).where(eq(invoiceSettlements.caseId, row.id));
    const caseMessages = await tx.select().from(messages).where(eq(messages.caseId, row.id)).orderBy(asc(messages.createdAt), asc(messages.id));
    const caseEvidence = await tx.select().from(evidence).where(eq(evidence.caseId, row.id)).orderBy(asc(evidence.createdAt), asc(evidence.id));
    const events = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq));
    const agreement = acceptance?.agreementSha256
      ? (await tx.select({ sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes }).from(storedFiles).where(eq(storedFiles.sha256, acceptance.agreementSha256)))[0]
      : undefined;

    const caseJson = {
      format: "accord-dossier/1",
      exportedAt: now.toISOString(),
      // Without the reply token, the case's inbound secret (ADR 0036): holding the dossier must not let anyone write on the case.
      case: withoutReplyToken(row),
      account: account ?? null,
      contact: contact ?? null,
      lines,
      proposals: caseProposals,
      acceptance: acceptance ?? null,
      decision: decision ?? null,
      invoiceSettlements: settlements,
      evidence: caseEvidence.map((e) => ({ ...e, uploadedByName: nameOf(e.uploadedByKind, e.uploadedById) })),
    };
    const eventsJson = {
      reference: row.reference,
      caseId: row.id,
      hashing:
        "hash = SHA-256(prevHash + JSON canonique de {caseId, seq, type, actorKind, actorId, at, visibility, payload}) ; prevHash du premier = 64 zéros",
      events: events.map((e) => ({
        id: e.id,
        caseId: e.caseId,
        seq: e.seq,
        type: e.type,
        actorKind: e.actorKind,
        actorId: e.actorId,
        actorName: nameOf(e.actorKind, e.actorId),
        at: e.at.toISOString(),
        visibility: e.visibility,
        payload: e.payload,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
    const messagesJson = {
      reference: row.reference,
      note: "visibility « internal » : note interne du fournisseur, jamais montrée au client ; « public » : échange avec le client.",
      messages: caseMessages.map((m) => ({
        id: m.id,
        createdAt: m.createdAt.toISOString(),
        authorKind: m.authorKind,
        authorName: nameOf(m.authorKind, m.authorId),
        visibility: m.visibility,
        internal: m.visibility === "internal",
        body: m.body,
      })),
    };
    const pdf = await renderDossierPdf({
      reference: row.reference,
      title: row.title,
      exportedAt: now,
      facts: [
        ["Client", account ? `${account.name} (SIREN ${account.siren ?? "—"})` : "—"],
        ["Contact", contact ? `${contact.name} <${contact.email}>` : "—"],
        ["Nature", `${row.kind} / ${row.type}`],
        ["Statut", row.status],
        ["Priorité", row.priority ?? "—"],
        ["Reçu le", row.receivedAt.toISOString()],
        ["Clos le", row.closedAt?.toISOString() ?? "—"],
        ["Montant contesté", euros(row.disputedAmountCents, row.currency)],
        ["Montant accordé", euros(row.creditedAmountCents, row.currency)],
        ["Montant recouvré", euros(row.recoveredAmountCents, row.currency)],
        ["Cause racine", row.rootCauseCode ?? "—"],
        ["Pièces", String(caseEvidence.length)],
        ["Événements", String(events.length)],
      ],
      lines: lines.map(
        (l) => `Facture ${l.invoiceNumber}, ligne ${l.lineNo} : ${l.productCode} ${l.description}${l.lotNumber ? ` (lot ${l.lotNumber})` : ""} — contesté ${euros(l.disputedAmountCents, row.currency)}`,
      ),
      decision: decision
        ? [
            `Issue : ${decision.outcome}, décidée le ${decision.decidedAt.toISOString()}`,
            `Accordé : ${euros(decision.grantedCents, row.currency)} ; pénalités : ${euros(decision.penaltiesCents, row.currency)}`,
            ...(decision.publicRationale ? [`Motifs : ${decision.publicRationale}`] : []),
            ...(decision.creditNoteNumber ? [`Avoir : ${decision.creditNoteNumber}`] : []),
          ]
        : [],
      timeline: events.map((e) => [e.at.toISOString().replace("T", " ").slice(0, 19), `${e.seq}. ${e.type}${nameOf(e.actorKind, e.actorId) ? ` — ${nameOf(e.actorKind, e.actorId)}` : ` — ${e.actorKind}`}`]),
    });

    // Evidence: the stored bytes, named by their order and their (safe) file name; checked to be in the store now.
    const used = new Set<string>();
    const stored: Entry[] = [];
    for (const [index, e] of caseEvidence.entries()) {
      if (!(await files.has(e.sha256))) throw new AppError("conflict", { messageKey: "archive.error.fileMissing", params: { fileName: e.fileName } });
      let path = `evidence/${String(index + 1).padStart(3, "0")}-${safeFileName(e.fileName)}`;
      while (used.has(path)) path = `${path}_`;
      used.add(path);
      stored.push({ kind: "stored", path, size: e.sizeBytes, sha256: e.sha256 });
    }
    if (agreement) {
      if (!(await files.has(agreement.sha256))) throw new AppError("conflict", { messageKey: "archive.error.fileMissing", params: { fileName: "agreement" } });
      stored.push({ kind: "stored", path: `protocole-accord-${row.reference}.pdf`, size: agreement.sizeBytes, sha256: agreement.sha256 });
    }

    const key = await instanceSigningKey(tx, { pem: signingKeyPem, now });
    const entries: Entry[] = [
      buffer("LISEZMOI.txt", dossierReadme({ reference: row.reference, exportedAt: now, fingerprint: key.fingerprint })),
      buffer("public-key.pem", key.publicKeyPem),
      buffer("case.json", json(caseJson)),
      buffer("case.pdf", await Promise.resolve(pdf)),
      buffer("events.json", json(eventsJson)),
      buffer("messages.json", json(messagesJson)),
      ...stored,
    ];
    const manifestFiles = entries.map(({ path, size, sha256: hash }) => ({ path, size, sha256: hash }));
    const manifest = Buffer.from(
      json({
        format: "accord-dossier-manifest/1",
        reference: row.reference,
        exportedAt: now.toISOString(),
        publicKeyFingerprint: key.fingerprint,
        files: manifestFiles,
      }),
      "utf8",
    );
    const manifestSha256 = sha256(manifest);
    const signature = sign(null, manifest, key.privateKey);
    const sums = manifestFiles.map((f) => `${f.sha256}  ${f.path}\n`).join("");
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: staff ? actorRef(staff) : SYSTEM,
      at: now,
      events: [
        {
          type: "dossier_exported",
          visibility: "internal",
          payload: { manifestSha256, files: manifestFiles.length, publicKeyFingerprint: key.fingerprint, via: staff ? "backoffice" : "cli" },
        },
      ],
    });
    return {
      reference: row.reference,
      manifestSha256,
      manifestFiles,
      entries: [...entries, buffer("manifest.json", manifest), buffer("manifest.sig", signature), buffer("SHA256SUMS", sums)],
    };
  });

  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  zip.on("error", (error: Error) => output.destroy(error));
  // A download abandoned half-way: close the store file being read, not just the ZIP.
  const open = new Set<Readable>();
  output.on("close", () => {
    for (const source of open) source.destroy();
  });
  for (const entry of prepared.entries) {
    const options = { mtime: now, compress: false };
    if (entry.kind === "buffer") zip.addBuffer(entry.bytes, entry.path, options);
    else zip.addReadStreamLazy(entry.path, { ...options, size: entry.size }, (callback) => {
      files.openRead(entry.sha256).then(
        (source) => {
          open.add(source);
          source.on("close", () => open.delete(source));
          const check = checked(entry);
          source.on("error", (error: Error) => check.destroy(error));
          check.on("error", (error: Error) => output.destroy(error));
          callback(null, source.pipe(check));
        },
        (error: unknown) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  let sizeBytes: number | null = null;
  // @types/yazl types the callback without its argument: the total size, or -1 when unknown.
  const end = zip.end.bind(zip) as unknown as (options: object, onSize: (size: number) => void) => void;
  end({}, (size) => {
    sizeBytes = size >= 0 ? size : null;
  });
  return { fileName: `dossier-${prepared.reference}.zip`, sizeBytes, manifestSha256: prepared.manifestSha256, files: prepared.manifestFiles, stream: output };
}

/** The stored bytes pass through unchanged; at the end their SHA-256 must be the recorded one, else the ZIP fails. */
function checked(entry: ManifestEntry): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest("hex");
      callback(actual === entry.sha256 ? null : new Error(`the stored file of ${entry.path} changed (SHA-256 ${actual}, expected ${entry.sha256})`));
    },
  });
}

function withoutReplyToken<T extends { replyToken: string }>(row: T): Omit<T, "replyToken"> {
  const { replyToken: _secret, ...rest } = row;
  return rest;
}

async function operatorCase(tx: Tx, reference: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new AppError("not_found");
  return row;
}
