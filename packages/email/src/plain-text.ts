/**
 * The plain-text part of an e-mail, read from its HTML as react-email's `toPlainText` reads it
 * (html-to-text 10 with react-email's selectors, no word wrap), without its cost (ADR 0047).
 *
 * html-to-text parses into a DOM and picks a formatter for every element through a selector
 * decision tree: for our short e-mails that cost more than rendering them. Our HTML is React's
 * output, a small closed vocabulary (layout tables, paragraphs, links, lists, rules, line breaks),
 * well formed, with only React's escapes. `fastPlainText` reads that vocabulary with a plain tokenizer
 * and the same block and inline rules as html-to-text's BlockTextBuilder, ported line for line for
 * these elements; anything outside it (another tag or entity, a structure a browser would repair)
 * makes it return null and the caller uses html-to-text itself. render-equivalence.test.ts and
 * plain-text.test.ts check both give the same text, byte for byte.
 */
import { plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";

/** react-email's `toPlainText`, its options compiled once (`toPlainText` compiles them for every call). */
export const htmlToText: (html: string) => string = compile({ wordwrap: false, selectors: plainTextSelectors });

/** The whole conversion: the fast path, else html-to-text. */
export function plainText(html: string): string {
  return fastPlainText(html) ?? htmlToText(html);
}

type Element = { name: string; attributes: Record<string, string>; children: Node[]; parent: Element | null };
type Node = Element | string;

/** Formatted as html-to-text's `*` selector: their content inline. */
const INLINE = new Set(["body", "span", "i", "b", "em", "strong", "tbody", "tr", "html", "head", "meta", "li"]);
/** Blocks and their leading/trailing line breaks (html-to-text's defaults, react-email's for td). */
const BLOCKS: Record<string, number> = { p: 2, table: 2, td: 1, div: 1 };
const KNOWN = new Set([...INLINE, ...Object.keys(BLOCKS), "a", "br", "hr", "ul"]);
const VOID = new Set(["br", "hr", "meta"]);
/** Opening one of these inside a <p> (or an <li> in an <li>…) makes an HTML parser close it first. */
const CLOSES_P = new Set(["div", "table", "ul", "hr", "p"]);
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string): string | null {
  if (!text.includes("&")) return text;
  let failed = false;
  const decoded = text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (match, entity: string | undefined) => {
    if (entity === undefined) return (failed = true), match;
    if (entity[0] !== "#") return NAMED[entity] ?? ((failed = true), match);
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    // Outside plain code points (C1 controls, surrogates, NUL) html parsers substitute: leave it to html-to-text.
    if (!(code > 0 && code < 0x110000) || (code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code < 0xe000)) return (failed = true), match;
    return String.fromCodePoint(code);
  });
  return failed ? null : decoded;
}

/** a-z, 0-9 (tag names as React writes them) */
const isNameChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
const ATTRIBUTE = /\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"/y;

/** React's markup as a tree, or null when it holds anything outside the vocabulary. */
function parse(html: string): Element | null {
  const root: Element = { name: "#root", attributes: {}, children: [], parent: null };
  let current = root;
  let at = 0;
  /** The next "data-" in the markup (data-* attributes are read, the others skipped). */
  let nextData = html.indexOf("data-");
  while (at < html.length) {
    const open = html.indexOf("<", at);
    const textEnd = open === -1 ? html.length : open;
    if (textEnd > at) {
      const text = decode(html.slice(at, textEnd));
      if (text === null) return null;
      current.children.push(text);
    }
    if (open === -1) break;
    if (html.startsWith("<!--", open)) {
      const end = html.indexOf("-->", open + 4);
      // html-to-text keeps a comment in a list as an item of its own
      if (end === -1 || current.name === "ul") return null;
      at = end + 3;
      continue;
    }
    const close = html.indexOf(">", open);
    if (close === -1) return null;
    if (html[open + 1] === "!") {
      // the doctype
      at = close + 1;
      continue;
    }
    if (html[open + 1] === "/") {
      const name = html.slice(open + 2, close);
      if (name !== current.name || !current.parent) return null;
      current = current.parent;
      at = close + 1;
      continue;
    }
    const selfClosing = html[close - 1] === "/";
    const end = selfClosing ? close - 1 : close;
    let nameEnd = open + 1;
    while (nameEnd < end && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(open + 1, nameEnd);
    if (!KNOWN.has(name)) return null;
    if ((current.name === "p" && CLOSES_P.has(name)) || (name === current.name && (name === "li" || name === "td" || name === "tr" || name === "tbody"))) return null;
    const attributes: Record<string, string> = {};
    // Only links' href and data-* attributes matter to the text: the others (style…) are not read.
    if (nextData !== -1 && nextData < open) nextData = html.indexOf("data-", open);
    if (name === "a" || (nextData !== -1 && nextData < end)) {
      const inner = html.slice(open + 1, end);
      let position = name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = position;
        const match = ATTRIBUTE.exec(inner);
        if (!match) break;
        const value = decode(match[2]!);
        if (value === null) return null;
        attributes[match[1]!.toLowerCase()] = value;
        position = ATTRIBUTE.lastIndex;
      }
      if (inner.slice(position).trim() !== "") return null;
    } else if (nameEnd < end && html.charCodeAt(nameEnd) !== 32) return null;
    if ("data-text-format" in attributes) return null;
    const element: Element = { name, attributes, children: [], parent: current };
    current.children.push(element);
    if (!selfClosing && !VOID.has(name)) current = element;
    else if (selfClosing && !VOID.has(name)) {
      // <p/> in HTML opens a p: leave such markup to html-to-text
      return null;
    }
    at = close + 1;
  }
  return current === root ? root : null;
}

// --- html-to-text's BlockTextBuilder, without word wrap, for blocks, lists and list items ---

const WHITESPACE = " \t\r\n\f\u200b";
const WORD = /[^ \t\r\n\f\u200b]+/g;
const isWhitespace = (char: string | undefined) => char !== undefined && WHITESPACE.includes(char);
const hasWords = (text: string) => {
  for (const char of text) if (!WHITESPACE.includes(char)) return true;
  return false;
};

class InlineText {
  lines: string[][] = [];
  nextLineWords: string[] = [];
  stashedSpace = false;
  pushWord(word: string) {
    this.nextLineWords.push(word);
  }
  concatWord(word: string) {
    const last = this.nextLineWords.pop();
    this.nextLineWords.push(last ? last + word : word);
  }
  startNewLine(n = 1) {
    this.lines.push(this.nextLineWords);
    for (let i = 1; i < n; i++) this.lines.push([]);
    this.nextLineWords = [];
  }
  isEmpty() {
    return this.lines.length === 0 && this.nextLineWords.length === 0;
  }
  clear() {
    this.lines.length = 0;
    this.nextLineWords.length = 0;
  }
  toString() {
    return [...this.lines, this.nextLineWords].map((words) => words.join(" ")).join("\n");
  }
}

class Block {
  inline = new InlineText();
  rawText = "";
  stashedLineBreaks = 0;
  readonly next: Block | null;
  leadingLineBreaks: number;
  /** A list: its items' prefix length. */
  readonly list: { maxPrefixLength: number } | null;
  /** A list item: its prefix. */
  readonly prefix: string | null;
  constructor(next: Block | null, leadingLineBreaks: number, list: { maxPrefixLength: number } | null = null, prefix: string | null = null) {
    this.next = next;
    this.leadingLineBreaks = leadingLineBreaks;
    this.list = list;
    this.prefix = prefix;
  }
}

function textOf(block: Block): string {
  return block.inline.isEmpty() ? block.rawText : block.rawText + block.inline.toString();
}

function addText(block: Block, text: string, leadingLineBreaks: number, trailingLineBreaks: number) {
  const parentText = textOf(block);
  const lineBreaks = Math.max(block.stashedLineBreaks, leadingLineBreaks);
  block.inline.clear();
  if (parentText) block.rawText = parentText + "\n".repeat(lineBreaks) + text;
  else {
    block.rawText = text;
    block.leadingLineBreaks = lineBreaks;
  }
  block.stashedLineBreaks = trailingLineBreaks;
}

class Builder {
  block = new Block(null, 1);
  /** What the open links read (html-to-text's word transforms). */
  private captures: { text: string }[] = [];

  addInline(text: string, transform = true) {
    const block = this.block;
    if (text.length === 0 || (block.stashedLineBreaks && !hasWords(text))) return;
    if (block.stashedLineBreaks) block.inline.startNewLine(block.stashedLineBreaks);
    const inline = block.inline;
    const previouslyStashedSpace = inline.stashedSpace;
    let anyMatch = false;
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
      const word = match[0];
      if (transform) for (let i = this.captures.length - 1; i >= 0; i--) this.captures[i]!.text += word;
      if (!anyMatch && !(previouslyStashedSpace || isWhitespace(text[0]))) inline.concatWord(word);
      else inline.pushWord(word);
      anyMatch = true;
    }
    inline.stashedSpace = (previouslyStashedSpace && !anyMatch) || isWhitespace(text[text.length - 1]);
    block.stashedLineBreaks = 0;
  }
  addLineBreak() {
    this.block.inline.startNewLine();
  }
  openBlock(leadingLineBreaks: number, list: Block["list"] = null, prefix: string | null = null) {
    this.block = new Block(this.block, leadingLineBreaks, list, prefix);
  }
  closeBlock(trailingLineBreaks: number) {
    const block = this.block;
    this.block = block.next!;
    addText(this.block, textOf(block), block.leadingLineBreaks, Math.max(block.stashedLineBreaks, trailingLineBreaks));
  }
  closeListItem() {
    const item = this.block;
    const list = item.next!;
    this.block = list;
    const prefixLength = Math.max(item.prefix!.length, list.list!.maxPrefixLength);
    const text = item.prefix!.padEnd(prefixLength) + textOf(item).replace(/\n/g, "\n" + " ".repeat(prefixLength));
    addText(list, text, item.leadingLineBreaks, Math.max(item.stashedLineBreaks, 1));
  }
  closeList(trailingLineBreaks: number) {
    const list = this.block;
    this.block = list.next!;
    const text = textOf(list);
    if (text) addText(this.block, text, list.leadingLineBreaks, trailingLineBreaks);
  }
  capture() {
    const capture = { text: "" };
    this.captures.push(capture);
    return () => {
      this.captures.pop();
      return capture.text;
    };
  }
}

function walk(nodes: Node[], builder: Builder) {
  for (const node of nodes) {
    if (typeof node === "string") {
      builder.addInline(node);
      continue;
    }
    if (node.attributes["data-skip-in-text"] === "true") continue;
    const { name } = node;
    const lineBreaks = BLOCKS[name];
    if (lineBreaks !== undefined) {
      builder.openBlock(lineBreaks);
      walk(node.children, builder);
      builder.closeBlock(lineBreaks);
    } else if (name === "a") {
      const href = (node.attributes.href ?? "").replace(/^mailto:/, "");
      if (!href || href[0] === "#") walk(node.children, builder);
      else {
        const end = builder.capture();
        walk(node.children, builder);
        const text = end();
        // react-email: no brackets, and no href when the link reads as it.
        if (href !== text) builder.addInline(text ? ` ${href}` : href, false);
      }
    } else if (name === "br") builder.addLineBreak();
    else if (name === "hr") {
      builder.openBlock(2);
      builder.addInline("-".repeat(40));
      builder.closeBlock(2);
    } else if (name === "ul") {
      const nested = node.parent?.name === "li";
      const items = node.children
        .filter((child) => typeof child !== "string" || !/^\s*$/.test(child))
        .map((child) => ({ child, prefix: typeof child !== "string" && child.name === "li" ? (nested ? "* " : " * ") : "" }));
      if (items.length === 0) continue;
      const maxPrefixLength = Math.max(0, ...items.map((item) => item.prefix.length));
      builder.openBlock(nested ? 1 : 2, { maxPrefixLength });
      for (const { child, prefix } of items) {
        builder.openBlock(1, null, prefix);
        walk([child], builder);
        builder.closeListItem();
      }
      builder.closeList(nested ? 1 : 2);
    } else walk(node.children, builder);
  }
}

/** The text html-to-text would read from React's markup `html`, or null when it is outside the vocabulary above. */
export function fastPlainText(html: string): string | null {
  const root = parse(html);
  if (!root) return null;
  // html-to-text reads the <body> (its base element), else the whole document.
  const htmlElement = root.children.find((node): node is Element => typeof node !== "string" && node.name === "html");
  const body = htmlElement?.children.find((node): node is Element => typeof node !== "string" && node.name === "body");
  if (!body) return null;
  const builder = new Builder();
  walk([body], builder);
  return textOf(builder.block);
}
