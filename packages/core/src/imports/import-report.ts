import type { Actor } from "@accord/auth";
import { imports, integrationKeys, type Db, type ImportKind, type ImportRowError, type ImportSummary, type Tx } from "@accord/db";
import { and, eq, isNull } from "drizzle-orm";
import type { IntegrationActor } from "../access";
import { AppError } from "../errors";
import type { Readable } from "node:stream";

/** What every import takes: the file (a stream or its bytes) and its name as the user chose it. */
export interface ImportFileInput {
  file: Readable | Buffer | Uint8Array;
  fileName: string;
}

/** A row error as reported: the catalogue key, its parameters, and the message when a translator was given. */
export interface ImportReportError extends ImportRowError {
  message: string;
}

/**
 * The outcome of an import (ADR 0037): "imported" wrote every row, "refused" wrote none (all or nothing)
 * and lists every refused cell by the spreadsheet's row and the file's column name.
 */
export interface ImportReport {
  importId: string;
  status: "imported" | "refused";
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  references: string[];
  errors: ImportReportError[];
}

/** Translates a catalogue key (the app's `t`, through `translateKey`); without one, the message is the key. */
export type ImportTranslate = (key: string, params?: Record<string, string | number>) => string;

/** At most this many errors are stored with the import (the report counts them all). */
export const STORED_ERRORS = 500;

/** Thrown inside the import's savepoint to undo every row's writes while keeping the transaction. */
export class ImportRefused extends Error {
  readonly errors: ImportRowError[];
  constructor(errors: ImportRowError[]) {
    super("import refused");
    this.errors = errors;
  }
}

export function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/**
 * Runs an import in ONE transaction: `write` inside a savepoint (throwing {@link ImportRefused} rolls back
 * every row it wrote), then the import's record — refused or not — in the same transaction.
 */
export async function runImport(
  db: Db,
  options: {
    kind: ImportKind;
    /** Who runs it: a customer user, a staff user, or an integration key (ADR 0038). */
    actor: Actor | IntegrationActor;
    accountId: string | null;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    rows: number;
    now: Date;
    translate?: ImportTranslate;
    /** Errors already found while reading the file (nothing to write then). */
    errors?: ImportRowError[];
    write?: (tx: Tx, importId: string) => Promise<{ created: number; updated: number; unchanged: number; references: string[] }>;
  },
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    if (options.actor.kind === "integration") {
      // Revoked between authentication and now: nothing is written under it.
      const [key] = await tx
        .select({ id: integrationKeys.id })
        .from(integrationKeys)
        .where(and(eq(integrationKeys.id, options.actor.keyId), isNull(integrationKeys.revokedAt)))
        .for("share");
      if (!key) throw new AppError("forbidden");
    }
    const [record] = await tx
      .insert(imports)
      .values({
        kind: options.kind,
        accountId: options.accountId,
        customerUserId: options.actor.kind === "customer" ? options.actor.userId : null,
        staffUserId: options.actor.kind === "staff" ? options.actor.userId : null,
        integrationKeyId: options.actor.kind === "integration" ? options.actor.keyId : null,
        fileName: options.fileName.slice(0, 255) || "import.csv",
        sha256: options.sha256,
        sizeBytes: options.sizeBytes,
        rows: options.rows,
        status: "refused",
        summary: { created: 0, updated: 0, unchanged: 0, references: [], errors: [], errorCount: 0 },
        createdAt: options.now,
      })
      .returning({ id: imports.id });
    const importId = record!.id;
    let errors = options.errors ?? [];
    let outcome = { created: 0, updated: 0, unchanged: 0, references: [] as string[] };
    if (errors.length === 0 && options.write) {
      const write = options.write;
      try {
        outcome = await tx.transaction((savepoint) => write(savepoint, importId));
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
        errors = error.errors;
        outcome = { created: 0, updated: 0, unchanged: 0, references: [] };
      }
    }
    errors = sortErrors(errors);
    const status = errors.length === 0 ? "imported" : "refused";
    const summary: ImportSummary = { ...outcome, errors: errors.slice(0, STORED_ERRORS), errorCount: errors.length };
    await tx
      .update(imports)
      .set({ status, summary })
      .where(eq(imports.id, importId));
    const translate = options.translate ?? ((key: string) => key);
    return {
      importId,
      status,
      rows: options.rows,
      ...outcome,
      errors: errors.map((error) => ({ ...error, message: translate(error.code, { ...error.params, field: error.field }) })),
    };
  });
}
