/**
 * fastPlainText reads React's markup as html-to-text does with react-email's options (htmlToText), or
 * declines (null) and plainText falls back to html-to-text. Each case is compared with html-to-text itself.
 */
import { describe, expect, it } from "vitest";
import { fastPlainText, htmlToText, plainText } from "./plain-text";

const page = (body: string) => `<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/></head><body>${body}</body></html>`;

const SAME = {
  "paragraphs and line breaks": "<p>Bonjour Élodie,</p><p>Ligne un<br/>ligne deux</p><p></p><p>  espaces   multiples \n et\u00a0insécables </p>",
  "layout tables, cells as blocks": '<table role="presentation"><tbody><tr><td><p>A</p>texte libre</td><td>B</td></tr></tbody></table>fin',
  "links: same text, other text, mailto, anchor, empty": '<p><a href="https://x.example/a">https://x.example/a</a> <a href="https://x.example/b">Voir <span>le</span> dossier</a></p><a href="mailto:a@b.example">a@b.example</a><a href="#top">haut</a><a href="https://x.example/c"></a>',
  "nested lists": "<ul><li>Un</li><li>Deux<ul><li>deux a</li><li>deux b<br/>suite</li></ul></li></ul><p>après</p>",
  "entities": "<p>L&#x27;été &amp; l&#39;hiver &lt;b&gt; &quot;cité&quot; &#8202;fin</p>",
  "rule, skipped preview, mso comments": '<div data-skip-in-text="true">aperçu<div> \u200c</div></div><p>avant</p><hr/><a href="https://x.example/d"><span><!--[if mso]><i hidden>&#8202;</i><![endif]--></span><span>Bouton</span></a><p>a<!-- -->b</p>',
  "text split around blocks": "début<p>milieu</p> fin <b>gras</b>",
} as const;

describe("fastPlainText", () => {
  it.each(Object.entries(SAME))("reads %s as html-to-text does", (_, body) => {
    const html = page(body);
    expect(fastPlainText(html)).not.toBeNull();
    expect(fastPlainText(html)).toBe(htmlToText(html));
  });

  it.each([
    ["an element outside its vocabulary", "<h1>Titre</h1><p>x</p>"],
    ["an ordered list", "<ol><li>un</li></ol>"],
    ["an image", '<img src="x.png" alt="x"/>'],
    ["a list inside a paragraph (a parser closes the paragraph)", "<p>x<ul><li>y</li></ul></p>"],
    ["an entity other than React's", "<p>&eacute;t&eacute;</p>"],
    ["a bare ampersand", "<p>a & b</p>"],
    ["a comment in a list", "<ul><!-- x --><li>y</li></ul>"],
    ["a data table", '<table data-text-format="dataTable"><tbody><tr><td>x</td></tr></tbody></table>'],
    ["unbalanced tags", "<p>x</td>"],
  ])("declines %s, and plainText then reads it with html-to-text", (_, body) => {
    const html = page(body);
    expect(fastPlainText(html)).toBeNull();
    expect(plainText(html)).toBe(htmlToText(html));
  });

  it("declines a document without a body", () => {
    expect(fastPlainText("<p>x</p>")).toBeNull();
  });
});
