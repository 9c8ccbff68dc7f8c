import { caseSurveys } from "@accord/db";
import { acceptsSurvey, customerMayDecide, type CaseStatus } from "@accord/domain";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { findCustomerCase } from "../cases/customer-case-scope";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import type { AnswerSurveyInput } from "./schemas";

export { answerSurveySchema, type AnswerSurveyInput } from "./schemas";

/**
 * The customer rates the handling of a resolved or closed case from 0 to 10, with an optional comment;
 * once per case (the account's admin or the case's contact; a viewer reads only).
 */
export async function answerSurvey({ db, actor, input, now }: UseCaseArgs<AnswerSurveyInput>) {
  const customer = requireCustomer(actor, "survey:answer");
  return db.transaction(async (tx) => {
    const row = await findCustomerCase(tx, customer, input.reference, { forUpdate: true });
    if (!customerMayDecide({ userId: customer.userId, role: customer.role }, row.customerContactId)) throw new AppError("forbidden");
    if (!acceptsSurvey(row.status as CaseStatus)) throw new AppError("invalid_transition", { messageKey: "proposal.error.survey_not_open" });
    const inserted = await tx
      .insert(caseSurveys)
      .values({ caseId: row.id, customerUserId: customer.userId, score: input.score, comment: input.comment ?? null, answeredAt: now })
      .onConflictDoNothing()
      .returning({ caseId: caseSurveys.caseId });
    if (inserted.length === 0) throw new AppError("conflict", { messageKey: "proposal.error.survey_already_answered" });
    await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(customer), at: now, events: [{ type: "survey_answered", visibility: "internal", payload: { score: input.score } }] });
    return { score: input.score };
  });
}
