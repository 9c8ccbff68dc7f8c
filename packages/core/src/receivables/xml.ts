/**
 * A minimal XML writer for documents of a fixed shape (the UBL credit note): elements, attributes and
 * text, every string escaped here and nowhere else. No mixed content, no comments, no namespaces logic
 * beyond prefixed names and `xmlns` attributes the caller writes. See ADR 0022.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Text (escaped on output) or child elements. */
  readonly content: string | readonly XmlElement[];
}

/** A child that is left out: optional parts are written `cond && el(...)` or `value ? el(...) : null`. */
export type XmlChild = XmlElement | null | undefined | false;

/** Characters XML 1.0 allows (§2.2): tab, LF, CR, and U+0020 up, without surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

export function el(name: string, content: string | readonly XmlChild[], attributes: Record<string, string> = {}): XmlElement {
  if (!NAME.test(name)) throw new TypeError(`Not an XML name: ${name}`);
  for (const key of Object.keys(attributes)) if (!NAME.test(key)) throw new TypeError(`Not an XML attribute name: ${key}`);
  const children = typeof content === "string" ? content : content.filter((child): child is XmlElement => Boolean(child));
  return { name, attributes: { ...attributes }, content: children };
}

function assertXmlChars(value: string): void {
  // A character XML 1.0 cannot carry at all, even escaped: refuse rather than write a broken document.
  if (NOT_XML_CHAR.test(value)) throw new TypeError("A character XML 1.0 does not allow (control character or lone surrogate)");
}

/** Escapes text content: `&`, `<`, `>` (for `]]>`), quotes for symmetry, CR kept as a reference. */
export function escapeXmlText(value: string): string {
  assertXmlChars(value);
  return value.replace(/[&<>"'\r]/g, (c) => ENTITY[c] ?? c);
}

/** Escapes an attribute value (written between double quotes): as text, plus tab and LF kept as references. */
export function escapeXmlAttribute(value: string): string {
  assertXmlChars(value);
  return value.replace(/[&<>"'\r\n\t]/g, (c) => ENTITY[c] ?? c);
}

const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
  "\n": "&#10;",
  "\t": "&#9;",
};

/** The document as UTF-8 text: the XML declaration, then `root` indented by two spaces, ending with a newline. */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join("\n")}\n`;
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const indent = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join("");
  if (typeof node.content === "string") {
    out.push(`${indent}<${node.name}${attributes}>${escapeXmlText(node.content)}</${node.name}>`);
    return;
  }
  if (node.content.length === 0) {
    out.push(`${indent}<${node.name}${attributes}/>`);
    return;
  }
  out.push(`${indent}<${node.name}${attributes}>`);
  for (const child of node.content) write(child, depth + 1, out);
  out.push(`${indent}</${node.name}>`);
}
