import { customerAccounts, type ImportRowError, type Tx } from "@accord/db";
import { inArray, or } from "drizzle-orm";
import type { CsvRow } from "./read-csv";

/** The columns naming an ERP row's customer account: its ERP code and/or its SIREN (ADR 0037). */
export const ACCOUNT_COLUMNS = [
  { key: "erpCode", names: ["compte", "code_client", "code_erp", "client", "account", "erp_code", "customer_code"] },
  { key: "siren", names: ["siren"] },
] as const;

export interface ErpAccount {
  id: string;
  paymentTerm: { kind: "net" | "end_of_month" | "end_of_month_plus"; days: number };
}

type Cell<K extends string> = (row: CsvRow<K>, column: K, code: string, params?: Record<string, string | number>) => ImportRowError;

/**
 * Each row's account: by ERP code, by SIREN (spaces ignored), or both when they name the same account.
 * A row naming none, an unknown one, or two different ones is refused on that column.
 */
export async function resolveErpAccounts<K extends string>(
  tx: Tx,
  rows: CsvRow<K | "erpCode" | "siren">[],
  errors: ImportRowError[],
  cell: Cell<K | "erpCode" | "siren">,
): Promise<Map<number, ErpAccount>> {
  const codes = [...new Set(rows.map((row) => row.values.erpCode.trim()).filter((c) => c !== ""))];
  const sirens = [...new Set(rows.map((row) => row.values.siren.replace(/\s/g, "")).filter((s) => s !== ""))];
  const accounts =
    codes.length + sirens.length === 0
      ? []
      : await tx
          .select({ id: customerAccounts.id, erpCode: customerAccounts.erpCode, siren: customerAccounts.siren, paymentTerm: customerAccounts.paymentTerm })
          .from(customerAccounts)
          .where(or(codes.length ? inArray(customerAccounts.erpCode, codes) : undefined, sirens.length ? inArray(customerAccounts.siren, sirens) : undefined));
  const byCode = new Map(accounts.filter((a) => a.erpCode).map((a) => [a.erpCode!, a]));
  const bySiren = new Map(accounts.filter((a) => a.siren).map((a) => [a.siren!, a]));
  const resolved = new Map<number, ErpAccount>();
  for (const row of rows) {
    const code = row.values.erpCode.trim();
    const siren = row.values.siren.replace(/\s/g, "");
    if (code === "" && siren === "") {
      errors.push(cell(row, "erpCode", "csvImport.error.account_required"));
      continue;
    }
    const byErp = code === "" ? undefined : byCode.get(code);
    const bySirenAccount = siren === "" ? undefined : bySiren.get(siren);
    if (code !== "" && !byErp) errors.push(cell(row, "erpCode", "csvImport.error.account_unknown", { value: code }));
    if (siren !== "" && !bySirenAccount) errors.push(cell(row, "siren", "csvImport.error.account_unknown", { value: siren }));
    if (byErp && bySirenAccount && byErp.id !== bySirenAccount.id) errors.push(cell(row, "siren", "csvImport.error.account_mismatch"));
    const account = byErp ?? bySirenAccount;
    if (account && (!byErp || !bySirenAccount || byErp.id === bySirenAccount.id) && (code === "" || byErp) && (siren === "" || bySirenAccount)) {
      resolved.set(row.line, { id: account.id, paymentTerm: account.paymentTerm });
    }
  }
  return resolved;
}
