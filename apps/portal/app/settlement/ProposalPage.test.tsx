import type { IntentReply } from "@accord/web/intents";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import type { SettlementView } from "../.server/settlement";
import { ProposalPage } from "./ProposalPage";

const HASH = "a".repeat(64);
const TEXT = "Proposition n° 1\n  Avoir  de 25,00 € HT\n\nÀ accepter avant le 16/12/2026.";

const proposal = (overrides: Partial<NonNullable<SettlementView["current"]>> = {}): NonNullable<SettlementView["current"]> => ({
  id: "11111111-1111-4111-8111-111111111111",
  number: 1,
  kind: "credit_note",
  status: "offered",
  amountCents: 2_500,
  vatCents: 138,
  totalCents: 2_638,
  currency: "EUR",
  expiresOn: "2026-12-16",
  offeredAt: "2026-12-06T10:00:00.000Z",
  offeredText: TEXT,
  offeredTextSha256: HASH,
  respondedAt: null,
  responseComment: null,
  expired: false,
  open: true,
  canDecide: true,
  ...overrides,
});

const settlement = (overrides: Partial<SettlementView> = {}): SettlementView => ({
  reference: "LIT-2026-000042",
  title: "Sucre humide",
  currency: "EUR",
  mayDecide: true,
  current: proposal(),
  earlier: [],
  counterProposals: [],
  acceptance: null,
  decision: null,
  settlements: [],
  survey: null,
  canRate: false,
  ...overrides,
});

function render(s: SettlementView, actionData: IntentReply<string> | null = null): string {
  const Stub = createRoutesStub([{ path: "/cases/:reference/proposal", Component: () => <ProposalPage settlement={s} actionData={actionData} /> }]);
  return renderToString(<Stub initialEntries={["/cases/LIT-2026-000042/proposal"]} />);
}

/** The intents of the forms on the page. */
const intents = (html: string) => [...html.matchAll(/name="intent" value="([a-z]+)"/g)].map((match) => match[1]);
const unescape = (html: string) => html.replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

describe("the proposal page", () => {
  it("shows the stored text as it is, and offers the three answers to someone who may decide, posting the hash shown", () => {
    const html = render(settlement());
    expect(unescape(html)).toContain(`<div class="frozen-text" data-testid="proposal-text">${TEXT}</div>`);
    expect(intents(html)).toEqual(["review", "counter", "decline"]);
    expect(html).toContain(`name="textSha256" value="${HASH}"`);
    expect(html).not.toContain("settlement.proposal.whoDecides");
  });

  it("shows a viewer the proposal with who may decide, and no form", () => {
    const html = render(settlement({ mayDecide: false, current: proposal({ canDecide: false }) }));
    expect(html).toContain("settlement.proposal.whoDecides");
    expect(intents(html)).toEqual([]);
  });

  it("says an expired proposal can no longer be accepted, and offers no form", () => {
    const html = render(settlement({ current: proposal({ status: "expired", expired: true, open: false, canDecide: false }) }));
    expect(html).toContain("settlement.proposal.expired");
    expect(intents(html)).toEqual([]);
  });

  it("asks for confirmation after the review, posting the reviewed name and hash with the consent", () => {
    const reviewed: IntentReply<string> = {
      intent: "review",
      result: { status: "success", initialValue: { intent: "review", proposalId: proposal().id, textSha256: HASH, consent: "on", signerName: " Léa Roux " } },
    };
    const html = render(settlement(), reviewed);
    expect(html).toContain("settlement.confirm.title");
    expect(intents(html)).toEqual(["accept"]);
    expect(html).toContain('name="signerName" value="Léa Roux"');
    expect(html).toContain(`name="textSha256" value="${HASH}"`);
    expect(html).toContain('name="consent" value="on"');
  });

  it("shows why an acceptance was refused (another tab accepted first)", () => {
    const refused: IntentReply<string> = { intent: "accept", result: { status: "error", initialValue: { intent: "accept" }, error: { "": ["Cette proposition a déjà été acceptée."] } } };
    const html = render(settlement({ current: proposal({ status: "accepted", open: false, canDecide: false }) }), refused);
    expect(html).toContain("Cette proposition a déjà été acceptée.");
    expect(intents(html)).toEqual([]);
  });
});
