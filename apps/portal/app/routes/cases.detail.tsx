import { answerEvidenceRequest, answerEvidenceRequestSchema, customerReplySchema, getCustomerCase, parseInput, postCustomerReply } from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { Alert, DataTable, EmptyState, EvidenceUploader, TextareaField, formatDate, formatDateTime, formatFileSize, formatMoney, formatQuantity, PageHeader, uploaderLimits } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { ClaimDetails } from "@accord/web/components/ClaimDetails";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/cases.detail";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { flashCookie, type FlashKey } from "../.server/flash";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args, "case:read");
  try {
    const page = await getCustomerCase({ db: args.context.get(dbContext), actor, input: { reference: (args.params.reference ?? "") }, now: new Date() });
    const iso = (date: Date | null) => (date ? date.toISOString() : null);
    const file = (f: (typeof page.evidence)[number]) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedByKind: f.uploadedByKind, createdAt: f.createdAt.toISOString() });
    const target = (t: NonNullable<typeof page.sla>["firstResponse"]) => ({ inWords: t.inWords, deadlineAt: iso(t.deadlineAt), completedAt: iso(t.completedAt), clock: t.clock });
    // Only what the page shows goes to the browser.
    return {
      case: {
        ...page.case,
        receivedAt: page.case.receivedAt.toISOString(),
        lastActivityAt: page.case.lastActivityAt.toISOString(),
        nextStep: { statusKey: page.case.nextStep.statusKey, nextKey: page.case.nextStep.nextKey, owner: page.case.nextStep.owner },
      },
      maxUploadBytes: maxUploadBytes(),
      mergedInto: page.mergedInto,
      sla: page.sla ? { firstResponse: target(page.sla.firstResponse), resolution: target(page.sla.resolution), paused: page.sla.paused } : null,
      can: page.can,
      readOnly: !page.can.reply && !page.can.withdraw && !page.can.answer && actor.role === "viewer",
      timeline: page.timeline.map((event) => ({ ...event, at: event.at.toISOString() })),
      messages: page.messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString(), attachments: message.attachments.map(file) })),
      evidence: page.evidence.map(file),
      evidenceRequests: page.evidenceRequests.map((request) => ({
        ...request,
        createdAt: request.createdAt.toISOString(),
        answeredAt: iso(request.answeredAt),
        files: request.files.map(file),
      })),
      lines: page.lines,
    };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

function done(request: Request, reference: string, key: FlashKey, anchor: string) {
  return redirect(`/cases/${reference}#${anchor}`, { headers: { "Set-Cookie": flashCookie(key, { secure: isSecureRequest(request) }) } });
}

/** Two forms post here, told apart by `intent`: a reply (with attachments) and the answer to one evidence request. */
export async function action(args: Route.ActionArgs) {
  const actor = await requireCustomer(args, "case:read");
  const t = translator(args.context);
  const db = args.context.get(dbContext);
  const now = new Date();
  const reference = (args.params.reference ?? "");
  let form: Awaited<ReturnType<typeof readFormWithUploads>>;
  try {
    form = await readFormWithUploads(args.request, { db, actor, now });
  } catch (error) {
    throwAsResponse(error, t);
  }
  const { fields, uploadIds, uploads, refused } = form;
  const intent = String(fields.get("intent") ?? "");
  const requestId = String(fields.get("requestId") ?? "");
  const text = (name: string) => String(fields.get(name) ?? "");
  const failed = (status: number, message: string | null, fieldErrors: Record<string, string[]>) =>
    data({ intent, requestId, message, fieldErrors, values: { body: text("body"), text: text("text") }, uploads, refused: translateRefusals(refused, t) }, { status });

  if (refused.length > 0) return failed(400, null, {});
  try {
    if (intent === "reply") {
      await postCustomerReply({ db, actor, input: { ...parseInput(customerReplySchema, { body: text("body"), uploadIds }), reference }, now, backofficeUrl: env().BACKOFFICE_URL });
      return done(args.request, reference, "cases.flash.replied", "messages");
    }
    if (intent === "answer") {
      await answerEvidenceRequest({ db, actor, input: { ...parseInput(answerEvidenceRequestSchema, { requestId, text: text("text"), uploadIds }), reference }, now });
      return done(args.request, reference, "cases.flash.answered", "requests");
    }
  } catch (error) {
    const failure = describeError(error, t);
    // Another company's case, or an action this user may not take: nothing here for them.
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    const hasFieldErrors = Object.keys(failure.fieldErrors).length > 0;
    return failed(failure.status, hasFieldErrors ? null : failure.message, failure.fieldErrors);
  }
  throw data(null, { status: 404 });
}

type FileRow = { id: string; fileName: string; sizeBytes: number; uploadedByKind: string; createdAt: string };

function FileLinks({ reference, files, language, t }: { reference: string; files: FileRow[]; language: string; t: TFunction }) {
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/cases/${reference}/evidence/${file.id}`} download aria-label={t("cases.page.evidence.download", { name: file.fileName })}>
            {file.fileName}
          </a>{" "}
          <span className="muted">({formatFileSize(file.sizeBytes, language)})</span>
        </li>
      ))}
    </ul>
  );
}

const TIMELINE_TYPES = new Set([
  "case_received",
  "case_qualified",
  "investigation_started",
  "information_requested",
  "customer_answered",
  "evidence_request_answered",
  "customer_replied",
  "staff_replied",
  "proposal_offered",
  "proposal_accepted",
  "proposal_declined",
  "proposal_countered",
  "mediation_started",
  "litigation_started",
  "case_resolved",
  "case_closed",
  "case_withdrawn",
  "case_rejected",
  "case_marked_duplicate",
  "case_reopened",
  "case_promoted_to_dispute",
  "staff_evidence_added",
  "duplicate_merged",
]);

export default function CasePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { case: c, mergedInto, sla, can, readOnly, timeline, messages, evidence, evidenceRequests, lines, maxUploadBytes: maxFileBytes } = loaderData;
  const duration = (inWords: { unit: "business_days" | "business_hours"; value: number }) =>
    t(inWords.unit === "business_days" ? "cases.page.sla.days" : "cases.page.sla.hours", { count: inWords.value });
  const replyFailed = actionData?.intent === "reply" ? actionData : null;
  const answerFailed = (requestId: string) => (actionData?.intent === "answer" && actionData.requestId === requestId ? actionData : null);
  const limits = uploaderLimits(t, maxFileBytes);
  const money = (cents: number) => formatMoney(cents, c.currency, language);

  return (
    <>
      <PageHeader eyebrow={t("cases.page.eyebrow", { reference: c.reference })} title={c.title} />
      {readOnly ? <Alert tone="info">{t("cases.page.readOnly")}</Alert> : null}
      {mergedInto ? (
        <Alert tone="info">
          <p>{t("cases.page.merged.followed", { reference: mergedInto.reference })}</p>
          {mergedInto.canOpen ? (
            <p>
              <Link to={`/cases/${mergedInto.reference}`}>{t("cases.page.merged.open", { reference: mergedInto.reference })}</Link>
            </p>
          ) : (
            <p>{t("cases.page.merged.colleague", { reference: mergedInto.reference })}</p>
          )}
        </Alert>
      ) : null}

      <section aria-labelledby="summary" className="card stack">
        <h2 id="summary">{t("cases.page.summary")}</h2>
        <dl className="definition-list">
          <dt>{t("cases.page.status")}</dt>
          <dd>
            <span className="badge">{t(c.nextStep.statusKey)}</span>
          </dd>
          <dt>{t("cases.page.nextStep")}</dt>
          <dd>{t(c.nextStep.nextKey)}</dd>
          <dt>{t("cases.page.waitsOn")}</dt>
          <dd>{t(`cases.owner.${c.nextStep.owner}`)}</dd>
          <dt>{t("cases.page.type")}</dt>
          <dd>{t(`cases.type.${c.type}`)}</dd>
          <dt>{t("cases.page.received")}</dt>
          <dd>{formatDateTime(c.receivedAt, language)}</dd>
          <dt>{t("cases.page.contact")}</dt>
          <dd>{c.contactName}</dd>
          <dt>{t("cases.page.amount")}</dt>
          <dd>{money(c.disputedAmountCents)}</dd>
          {c.desiredOutcome ? (
            <>
              <dt>{t("cases.page.desiredOutcome")}</dt>
              <dd>{t(`claims.new.outcomes.${c.desiredOutcome}`, { defaultValue: "" })}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t("cases.page.description")}</h3>
        <p className="preserve-lines">{c.description}</p>
        <ClaimDetails title={t("cases.page.details")} details={c.details} desiredOutcome={null} />
      </section>

      <section aria-labelledby="sla" className="card stack">
        <h2 id="sla">{t("cases.page.sla.title")}</h2>
        {mergedInto ? (
          <p>{t("cases.page.merged.sla", { reference: mergedInto.reference })}</p>
        ) : sla ? (
          <ul>
            {(["firstResponse", "resolution"] as const).map((name) => {
              const target = sla[name];
              return (
                <li key={name}>
                  {t(`cases.page.sla.${name}`, { duration: duration(target.inWords) })}
                  {target.completedAt ? ` — ${t("cases.page.sla.done", { date: formatDateTime(target.completedAt, language) })}` : null}
                  {!target.completedAt && target.deadlineAt ? ` — ${t("cases.page.sla.due", { date: formatDateTime(target.deadlineAt, language) })}` : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t("cases.page.sla.none")}</p>
        )}
        {!mergedInto && sla?.paused ? <p>{t("cases.page.sla.paused")}</p> : null}
        {!mergedInto && sla && !sla.paused && sla.resolution.clock === "stopped" ? <p>{t("cases.page.sla.stopped")}</p> : null}
      </section>

      <section aria-labelledby="requests" className="card stack">
        <h2 id="requests">{t("cases.page.requests.title")}</h2>
        {evidenceRequests.length === 0 ? <p>{t("cases.page.requests.empty")}</p> : null}
        <ul className="stack request-list">
          {evidenceRequests.map((request) => {
            const failed = answerFailed(request.id);
            const headingId = `request-${request.id}`;
            return (
              <li key={request.id} className="card" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {request.status === "open"
                    ? `${t("cases.page.requests.open")} — ${t("cases.page.requests.due", { date: formatDate(request.dueDate, language) })}`
                    : t("cases.page.requests.answered", { date: formatDateTime(request.answeredAt!, language) })}
                </h3>
                <p className="muted">{t("cases.page.requests.requestedOn", { date: formatDateTime(request.createdAt, language) })}</p>
                <h4>{t("cases.page.requests.items")}</h4>
                <ul>
                  {request.items.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
                {request.message ? (
                  <>
                    <h4>{t("cases.page.requests.message")}</h4>
                    <p className="preserve-lines">{request.message}</p>
                  </>
                ) : null}
                {request.answerText ? (
                  <>
                    <h4>{t("cases.page.requests.yourAnswer")}</h4>
                    <p className="preserve-lines">{request.answerText}</p>
                  </>
                ) : null}
                {request.files.length > 0 ? (
                  <>
                    <h4>{t("cases.page.requests.files")}</h4>
                    <FileLinks reference={c.reference} files={request.files} language={language} t={t} />
                  </>
                ) : null}
                {request.status === "open" && can.answer ? (
                  <Form method="post" encType="multipart/form-data" className="form stack" aria-labelledby={`${headingId}-legend`}>
                    <h4 id={`${headingId}-legend`}>{t("cases.page.requests.answer.legend", { date: formatDate(request.createdAt, language) })}</h4>
                    {failed?.message ? <Alert tone="error">{failed.message}</Alert> : null}
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={request.id} />
                    <TextareaField id={`answer-text-${request.id}`} name="text" label={t("cases.page.requests.answer.text")} errors={failed?.fieldErrors.text} defaultValue={failed?.values.text} />
                    <EvidenceUploader
                      id={`answer-files-${request.id}`}
                      label={t("cases.page.requests.answer.files")}
                      language={language}
                      {...limits}
                      initialUploads={failed?.uploads}
                      initialRefused={failed?.refused}
                      errors={failed?.fieldErrors.uploadIds}
                    />
                    <div className="form__actions">
                      <button type="submit" className="button button--primary">
                        {t("cases.page.requests.answer.submit")}
                      </button>
                    </div>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="lines" className="stack">
        <h2 id="lines">{t("cases.page.lines.title")}</h2>
        <DataTable
          caption={t("cases.page.lines.caption")}
          rows={lines}
          rowKey={(line) => line.id}
          empty={<EmptyState title={t("cases.page.lines.empty")} />}
          columns={[
            { key: "invoice", header: t("cases.page.lines.invoice"), rowHeader: true, cell: (line) => `${line.invoiceNumber} / ${line.lineNo}` },
            { key: "description", header: t("cases.page.lines.description"), cell: (line) => line.description },
            {
              key: "invoiced",
              header: t("cases.page.lines.invoiced"),
              cell: (line) => (
                <>
                  {t("cases.page.lines.quantity", { quantity: formatQuantity(line.quantityMilli, language), unit: line.unit })}
                  <br />
                  {t("cases.page.lines.price", { price: money(line.unitPriceCents), unit: line.unit })}
                </>
              ),
            },
            {
              key: "contested",
              header: t("cases.page.lines.contested"),
              cell: (line) => (
                <>
                  {line.contestedQuantityMilli !== null ? t("cases.page.lines.quantity", { quantity: formatQuantity(line.contestedQuantityMilli, language), unit: line.unit }) : null}
                  {line.contestedQuantityMilli !== null && line.contestedUnitPriceCents !== null ? <br /> : null}
                  {line.contestedUnitPriceCents !== null ? t("cases.page.lines.price", { price: money(line.contestedUnitPriceCents), unit: line.unit }) : null}
                </>
              ),
            },
            { key: "amount", header: t("cases.page.lines.amount"), align: "end", cell: (line) => money(line.disputedAmountCents) },
          ]}
        />
      </section>

      <section aria-labelledby="messages" className="card stack">
        <h2 id="messages">{t("cases.page.messages.title")}</h2>
        {messages.length === 0 ? <p>{t("cases.page.messages.empty")}</p> : null}
        <ol className="stack message-list">
          {messages.map((message) => (
            <li key={message.id}>
              <p>
                <strong>{t(`cases.page.messages.from.${message.authorKind}`, { name: message.authorName ?? "" })}</strong>{" "}
                <span className="muted">{formatDateTime(message.createdAt, language)}</span>
              </p>
              <p className="preserve-lines">{message.body}</p>
              {message.articles.length > 0 ? (
                <p className="muted">
                  {t("cases.page.messages.articles")}{" "}
                  {message.articles.map((article, index) => (
                    <span key={article.slug}>
                      {index > 0 ? ", " : null}
                      <Link to={`/help/${article.slug}`}>{language === "en" ? article.titleEn : article.titleFr}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
              {message.attachments.length > 0 ? (
                <>
                  <p className="muted">{t("cases.page.messages.attachments")}</p>
                  <FileLinks reference={c.reference} files={message.attachments} language={language} t={t} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {can.reply ? (
          // A new message remounts the form: the text and the staged files do not stay after sending.
          <Form key={messages.length} method="post" encType="multipart/form-data" className="form stack" aria-labelledby="reply-title">
            <h3 id="reply-title">{t("cases.page.messages.reply.title")}</h3>
            {replyFailed?.message ? <Alert tone="error">{replyFailed.message}</Alert> : null}
            <input type="hidden" name="intent" value="reply" />
            <TextareaField id="reply-body" name="body" label={t("cases.page.messages.reply.body")} errors={replyFailed?.fieldErrors.body} defaultValue={replyFailed?.values.body} />
            <EvidenceUploader
              id="reply-files"
              label={t("cases.page.messages.reply.files")}
              language={language}
              {...limits}
              initialUploads={replyFailed?.uploads}
              initialRefused={replyFailed?.refused}
              errors={replyFailed?.fieldErrors.uploadIds}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {t("cases.page.messages.reply.submit")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="evidence" className="stack">
        <h2 id="evidence">{t("cases.page.evidence.title")}</h2>
        <DataTable
          caption={t("cases.page.evidence.caption")}
          rows={evidence}
          rowKey={(file) => file.id}
          empty={<EmptyState title={t("cases.page.evidence.empty")} />}
          columns={[
            {
              key: "name",
              header: t("cases.page.evidence.name"),
              rowHeader: true,
              cell: (file) => (
                <a href={`/cases/${c.reference}/evidence/${file.id}`} download aria-label={t("cases.page.evidence.download", { name: file.fileName })}>
                  {file.fileName}
                </a>
              ),
            },
            { key: "size", header: t("cases.page.evidence.size"), align: "end", cell: (file) => formatFileSize(file.sizeBytes, language) },
            { key: "added", header: t("cases.page.evidence.added"), cell: (file) => formatDateTime(file.createdAt, language) },
            { key: "by", header: t("cases.page.evidence.by"), cell: (file) => t(`cases.page.evidence.uploadedBy.${file.uploadedByKind}`) },
          ]}
        />
      </section>

      <section aria-labelledby="timeline" className="card stack">
        <h2 id="timeline">{t("cases.page.timeline.title")}</h2>
        {timeline.length === 0 ? <p>{t("cases.page.timeline.empty")}</p> : null}
        <ol className="timeline">
          {timeline.map((event) => (
            <li key={event.seq}>
              <strong>{translateKey(t, `cases.page.timeline.events.${TIMELINE_TYPES.has(event.type) ? event.type : "other"}`)}</strong>{" "}
              <span className="muted">
                {formatDateTime(event.at, language)} — {t(`cases.page.timeline.by.${event.actorKind}`)}
              </span>
              {event.details.from && event.details.to && event.details.from !== event.details.to ? (
                <>
                  <br />
                  {t("cases.page.timeline.statusChange", { from: translateKey(t, `case.status.${event.details.from}`), to: translateKey(t, `case.status.${event.details.to}`) })}
                </>
              ) : null}
              {event.details.items ? (
                <ul>
                  {event.details.items.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              ) : null}
              {event.details.reason ? (
                <>
                  <br />
                  {t("cases.page.timeline.reason", { reason: event.details.reason })}
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {can.withdraw ? (
        <section aria-labelledby="withdraw" className="card stack">
          <h2 id="withdraw">{t("cases.page.withdraw.title")}</h2>
          <p>{t("cases.page.withdraw.description")}</p>
          <p>
            <Link to={`/cases/${c.reference}/withdraw`} className="button button--danger">
              {t("cases.page.withdraw.link")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

