import { customerUsers, imports, integrationKeys, staffUsers, type ImportKind, type ImportStatus, type ImportSummary } from "@accord/db";
import { hasPermission } from "@accord/auth";
import { and, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "../errors";
import { requireCustomer } from "../access";
import type { UseCaseArgs } from "../use-case";

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  rows: number;
  status: ImportStatus;
  summary: ImportSummary;
  by: string;
  /** The integration key's name when a key ran it through the API (« Clé d'intégration : <name> », ADR 0038). */
  byIntegrationKey: string | null;
  createdAt: Date;
}

/** How many past imports the page lists. */
export const IMPORTS_LISTED = 20;

const columns = {
  id: imports.id,
  kind: imports.kind,
  fileName: imports.fileName,
  sha256: imports.sha256,
  sizeBytes: imports.sizeBytes,
  rows: imports.rows,
  status: imports.status,
  summary: imports.summary,
  customerName: customerUsers.name,
  staffName: staffUsers.name,
  integrationKeyName: integrationKeys.name,
  createdAt: imports.createdAt,
};

/**
 * The imports the actor may see (ADR 0037), newest first, and one of them in full when `importId` is
 * given: a customer (`case:create`) their account's claims imports; staff with `invoice:import` the
 * ERP's (invoices and payments). An import the actor may not see is `not_found`.
 */
export async function listImports({ db, actor, input }: UseCaseArgs<{ importId?: string | undefined }>): Promise<{ imports: ImportRecord[]; selected: ImportRecord | null }> {
  let scope;
  if (actor?.kind === "staff") {
    if (!hasPermission(actor, "invoice:import")) throw new AppError("forbidden");
    scope = inArray(imports.kind, ["invoices", "payments"]);
  } else {
    const customer = requireCustomer(actor, "case:create");
    scope = and(eq(imports.kind, "claims"), eq(imports.accountId, customer.accountId));
  }
  return db.transaction(
    async (tx) => {
      const query = () =>
        tx.select(columns).from(imports).leftJoin(customerUsers, eq(customerUsers.id, imports.customerUserId)).leftJoin(staffUsers, eq(staffUsers.id, imports.staffUserId))
          .leftJoin(integrationKeys, eq(integrationKeys.id, imports.integrationKeyId));
      const rows = await query().where(scope).orderBy(desc(imports.createdAt), desc(imports.id)).limit(IMPORTS_LISTED);
      let selected = null;
      if (input.importId !== undefined) {
        if (!/^[0-9a-f-]{36}$/i.test(input.importId)) throw new AppError("not_found");
        [selected] = await query().where(and(scope, eq(imports.id, input.importId)));
        if (!selected) throw new AppError("not_found");
      }
      const record = ({ customerName, staffName, integrationKeyName, ...row }: (typeof rows)[number]): ImportRecord => ({
        ...row,
        by: customerName ?? staffName ?? "",
        byIntegrationKey: integrationKeyName,
      });
      return { imports: rows.map(record), selected: selected ? record(selected) : null };
    },
    { accessMode: "read only" },
  );
}
