import { describe, expect, it } from "vitest";
import { expectEmail } from "../test-email";
import type { MediationStartedProps } from "./mediation-started";

const PORTAL = "https://portail.accord.example";
const caseUrl = `${PORTAL}/cases/LIT-2026-000042`;

describe("mediation-started e-mail (to the customer)", () => {
  const external: MediationStartedProps = { name: "Julie Bernard", reference: "LIT-2026-000042", mediatorName: "Claire Fontaine", mediatorOrganisation: "Médiateur des entreprises", caseUrl };
  const internal: MediationStartedProps = { ...external, mediatorName: "Antoine Girard", mediatorOrganisation: null };

  it("tells the customer in plain words that the case is in mediation, who mediates and what happens next (French)", async () => {
    const email = await expectEmail("mediation-started", "fr", external, {
      subject: "Votre dossier LIT-2026-000042 passe en médiation",
      text: ["Bonjour Julie Bernard", "passe en médiation", "Claire Fontaine (Médiateur des entreprises)", "Et maintenant ?", "proposition à accepter en ligne", caseUrl],
    });
    const links = [...email.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(links).toEqual([caseUrl]);
  });

  it("says the same in English, and names an internal mediator without an organisation", async () => {
    await expectEmail("mediation-started", "en", internal, {
      subject: "Your case LIT-2026-000042 goes to mediation",
      text: ["goes to mediation", "Your mediator: Antoine Girard, independent", "What happens next?", caseUrl],
      notText: ["médiation", "null"],
    });
  });
});
