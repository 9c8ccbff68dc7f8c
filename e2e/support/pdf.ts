import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** The text of a whole PDF as pdf.js reads it, every kind of space (U+00A0, U+202F) as one plain space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item && item.str !== "") parts.push(item.str);
  }
  await task.destroy();
  return parts.join(" ").replace(/[\s\u00a0\u202f]+/g, " ");
}
