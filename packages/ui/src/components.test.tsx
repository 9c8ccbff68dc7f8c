import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert } from "./Alert";
import { AppShell, languageHref } from "./AppShell";
import { DataTable } from "./DataTable";
import { Field } from "./Field";

describe("Field", () => {
  it("links its error to the input", () => {
    const html = renderToStaticMarkup(<Field name="email" label="Adresse e-mail" type="email" errors={["Ce champ est obligatoire."]} />);
    expect(html).toContain('<label class="field__label" for="field-email">Adresse e-mail</label>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="field-email-error"');
    expect(html).toContain('<p class="field__error" id="field-email-error">Ce champ est obligatoire.</p>');
  });

  it("is not marked invalid without errors", () => {
    const html = renderToStaticMarkup(<Field name="email" label="E-mail" />);
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
  });
});

describe("Alert", () => {
  it("announces errors at once and other messages politely", () => {
    expect(renderToStaticMarkup(<Alert tone="error">x</Alert>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Alert tone="success">x</Alert>)).toContain('role="status"');
  });
});

describe("AppShell", () => {
  it("has a skip link, a main landmark, and a sign-out form that posts", () => {
    const html = renderToStaticMarkup(
      <AppShell
        productName="Accord"
        appLabel="Portail client"
        user={{ name: "Claire Martin", company: "Boulangeries Martin SAS" }}
        signOut={{ action: "/logout", label: "Se déconnecter" }}
        languages={[
          { code: "fr", label: "Français", href: "/?lng=fr", current: true },
          { code: "en", label: "English", href: "/?lng=en", current: false },
        ]}
        languageLabel="Langue"
        skipLinkLabel="Aller au contenu"
      >
        <p>page</p>
      </AppShell>,
    );
    expect(html).toContain('<a class="skip-link" href="#main">Aller au contenu</a>');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<form class="app-signout" action="/logout" method="post">');
    expect(html).toContain("Boulangeries Martin SAS");
    expect(html).toContain('<a href="/?lng=en" lang="en" hrefLang="en">English</a>');
  });

  it("builds language links that keep the path and the other parameters", () => {
    expect(languageHref("/reset-password", "?token=abc&lng=fr", "en")).toBe("/reset-password?token=abc&lng=en");
    expect(languageHref("/", "", "fr")).toBe("/?lng=fr");
  });
});

describe("DataTable", () => {
  it("shows the empty state when there is no row", () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Dossiers" columns={[]} rows={[]} rowKey={() => 1} empty={<p>Aucun dossier pour le moment.</p>} />,
    );
    expect(html).toBe("<p>Aucun dossier pour le moment.</p>");
  });

  it("renders a caption and column headers", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Factures"
        columns={[{ key: "n", header: "Numéro", cell: (row: { n: string }) => row.n }]}
        rows={[{ n: "FA-1" }]}
        rowKey={(row) => row.n}
        empty={null}
      />,
    );
    expect(html).toContain('<caption class="visually-hidden">Factures</caption>');
    expect(html).toContain('<th scope="col">Numéro</th>');
    expect(html).toContain("<td>FA-1</td>");
  });
});
