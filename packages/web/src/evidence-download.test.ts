import { describe, expect, it } from "vitest";
import { contentDisposition } from "./evidence-download";

describe("contentDisposition", () => {
  it("keeps a plain name as it is", () => {
    expect(contentDisposition("bon-livraison.pdf")).toBe(`attachment; filename="bon-livraison.pdf"; filename*=UTF-8''bon-livraison.pdf`);
  });

  it("gives the exact UTF-8 name and an ASCII fallback for accents", () => {
    expect(contentDisposition("Relevé d'été.pdf")).toBe(`attachment; filename="Relev_ d'_t_.pdf"; filename*=UTF-8''Relev%C3%A9%20d%27%C3%A9t%C3%A9.pdf`);
  });

  it("cannot be broken out of: quotes, backslashes, line breaks and semicolons stay inside the value", () => {
    const header = contentDisposition('a"; filename="evil.html\r\nX-Injected: 1\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain("filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%0D%0AX-Injected%3A%201%5C.pdf");
  });

  it("never gives an empty name", () => {
    expect(contentDisposition("")).toBe(`attachment; filename="download"; filename*=UTF-8''`);
  });
});
