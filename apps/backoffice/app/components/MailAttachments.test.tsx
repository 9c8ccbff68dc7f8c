import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MailAttachments } from "./MailAttachments";

describe("MailAttachments", () => {
  it("lists each attachment's name and size in the page's language", () => {
    const attachments = [
      { name: "Accord de règlement.pdf", size: 123_400 },
      { name: "<script>.txt", size: 12 },
    ];
    const fr = renderToStaticMarkup(<MailAttachments attachments={attachments} language="fr" />);
    expect(fr).toContain("Accord de règlement.pdf");
    expect(fr).toMatch(/\(123,4\sko\)/);
    expect(fr).toContain("&lt;script&gt;.txt");
    expect(renderToStaticMarkup(<MailAttachments attachments={attachments} language="en" />)).toContain("(123.4 kB)");
  });

  it("renders nothing for an e-mail without attachments", () => {
    expect(renderToStaticMarkup(<MailAttachments attachments={[]} language="fr" />)).toBe("");
  });
});
