import { describe, expect, it } from "vitest";
import { el, escapeXmlAttribute, escapeXmlText, serializeXml } from "./xml";

describe("xml", () => {
  it("escapes the five special characters in text and attributes", () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXmlAttribute("x\ty\nz\r")).toBe("x&#9;y&#10;z&#13;");
    expect(escapeXmlText("ligne 1\nligne 2")).toBe("ligne 1\nligne 2");
  });

  it("refuses characters XML 1.0 cannot carry", () => {
    expect(() => escapeXmlText("nul\u0000")).toThrow(TypeError);
    expect(() => escapeXmlText("bell\u0007")).toThrow(TypeError);
    expect(() => escapeXmlAttribute("lone \uD800 surrogate")).toThrow(TypeError);
    expect(escapeXmlText("emoji 😀 é")).toBe("emoji 😀 é");
  });

  it("writes nested elements, leaves out skipped children and refuses a bad name", () => {
    const xml = serializeXml(el("r", [el("a", "1", { k: `"v"` }), false, null, el("b", [])]));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<r>\n  <a k="&quot;v&quot;">1</a>\n  <b/>\n</r>\n');
    expect(() => el("a b", "x")).toThrow(TypeError);
    expect(() => el("a", "x", { "on click": "y" })).toThrow(TypeError);
  });
});
