import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectContentType, extensionOf, TEXT_SAMPLE_BYTES } from "./detect-content-type";
import { CSV, DOCX, EML, GIF, HEIC, JPEG, ODS, ODT, PDF, PNG, TIFF, TXT, WEBP, XLSX, storedZip } from "./testing-fixtures";

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "accord-detect-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the bytes under a neutral name (the store never uses the user's name) and detects them as `fileName`. */
async function detect(bytes: Buffer, fileName: string) {
  const file = path.join(dir, `f${++n}`);
  await writeFile(file, bytes);
  return detectContentType(file, fileName);
}

describe("detectContentType", () => {
  it.each([
    [PDF, "facture.pdf", "application/pdf"],
    [PDF, "FACTURE.PDF", "application/pdf"],
    [PNG, "photo.png", "image/png"],
    [JPEG, "photo.jpg", "image/jpeg"],
    [JPEG, "photo.jpeg", "image/jpeg"],
    [GIF, "anim.gif", "image/gif"],
    [WEBP, "photo.webp", "image/webp"],
    [HEIC, "IMG_0042.HEIC", "image/heic"],
    [HEIC, "photo.heif", "image/heic"],
    [TIFF, "scan.tiff", "image/tiff"],
    [TIFF, "scan.tif", "image/tiff"],
    [XLSX, "releve.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [ODS, "releve.ods", "application/vnd.oasis.opendocument.spreadsheet"],
    [DOCX, "rapport.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [ODT, "rapport.odt", "application/vnd.oasis.opendocument.text"],
    [CSV, "lignes.csv", "text/csv"],
    [EML, "échange.eml", "message/rfc822"],
    [TXT, "notes.txt", "text/plain"],
  ])("accepts %#: %s as what its content is", async (bytes, name, type) => {
    expect(await detect(bytes, name)).toEqual({ ok: true, contentType: type, extension: extensionOf(name) });
  });

  it.each([
    [PNG, "facture.pdf", "a PNG named .pdf"],
    [TXT, "facture.pdf", "text named .pdf"],
    [PDF, "photo.png", "a PDF named .png"],
    [ODT, "rapport.docx", "an OpenDocument named .docx"],
    [XLSX, "releve.docx", "a spreadsheet named .docx"],
    [HEIC, "photo.jpg", "a HEIC named .jpg"],
    [storedZip([{ name: "a.txt", content: "x" }]), "archive.docx", "a plain zip named .docx"],
    [PNG, "notes.txt", "a binary named .txt"],
    [Buffer.from("a\0b\n"), "notes.txt", "text with a NUL byte"],
    [Buffer.from([0x66, 0xc3, 0x28, 0x0a]), "notes.txt", "invalid UTF-8"],
    [Buffer.from('a,b\n"unterminated,c\n'), "lignes.csv", "a CSV with an open quote"],
    [Buffer.from(""), "lignes.csv", "an empty CSV"],
    [TXT, "message.eml", "text without headers named .eml"],
    [Buffer.from("Subject: only one\r\n\r\nbody"), "message.eml", "an e-mail with one header"],
    [Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "latin1"), "message.msg", "an Outlook .msg (not detectable)"],
    [PDF, "programme.exe", "an extension not on the list"],
    [PDF, "sans-extension", "no extension"],
    [Buffer.from(""), "vide.pdf", "an empty file"],
  ])("refuses %#: %s as %s (%s)", async (bytes, name) => {
    expect(await detect(bytes, name)).toEqual({ ok: false });
  });

  it("reads only the last segment of a browser path for the extension", () => {
    expect(extensionOf("C:\\fakepath\\facture.PDF")).toBe("pdf");
    expect(extensionOf("../../etc/passwd")).toBe("");
  });

  it("checks a large CSV on whole lines of its first megabyte", async () => {
    const line = "F-2026-001;1;12;\"libellé, avec virgule\"\n";
    const big = Buffer.from(line.repeat(Math.ceil((TEXT_SAMPLE_BYTES * 1.5) / line.length)));
    expect(await detect(big, "gros.csv")).toMatchObject({ ok: true, contentType: "text/csv" });
  });
});
