/**
 * Tests only: validates XML against the OASIS UBL 2.1 CreditNote schema committed at the repository's
 * root (standards/ubl-2.1, see its README), with libxml2 compiled to WebAssembly (xmllint-wasm).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { repoRoot } from "../repo-root";

const XSD = path.join(repoRoot(import.meta.dirname), "standards/ubl-2.1/xsd");
const schema: XMLFileInfo = {
  fileName: "maindoc/UBL-CreditNote-2.1.xsd",
  contents: readFileSync(path.join(XSD, "maindoc/UBL-CreditNote-2.1.xsd"), "utf8"),
};
const preload: XMLFileInfo[] = readdirSync(path.join(XSD, "common")).map((file) => ({
  fileName: `common/${file}`,
  contents: readFileSync(path.join(XSD, "common", file), "utf8"),
}));

/** The schema's errors for `xml` (none when it validates). */
export async function creditNoteSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: "credit-note.xml", contents: xml }, schema, preload });
  const errors = result.errors.map((error) => error.rawMessage);
  // `valid` and the error list must agree, or the answer cannot be trusted.
  expect(result.valid).toBe(errors.length === 0);
  return errors;
}
