import { customerCaseFiltersSchema, listCustomerCases, parseInput } from "@accord/core";
import { defineOperation } from "../operation";
import { claimList, claimListQuery } from "../schemas";
import { claimSummaryView } from "./claim-view";

export const listClaims = defineOperation({
  method: "GET",
  path: "/claims",
  operationId: "listClaims",
  summary: "List claims",
  description: "The claims of the key's company, newest first, filtered by status, type and reception day; cursor pagination (`next`).",
  tag: "Claims",
  access: "customer",
  query: claimListQuery,
  success: { status: 200, description: "A page of claims", schema: claimList },
  async handle({ db, actor, query, now, url }) {
    const filters = parseInput(customerCaseFiltersSchema, query);
    const page = await listCustomerCases({ db, actor, input: filters, now });
    let next: string | null = null;
    if (page.nextCursor) {
      const link = new URL(url.href);
      link.searchParams.set("cursor", page.nextCursor);
      next = link.href;
    }
    return { body: { data: page.cases.map(claimSummaryView), nextCursor: page.nextCursor, next } };
  },
});
