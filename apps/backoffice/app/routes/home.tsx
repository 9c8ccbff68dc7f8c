import {
  assignCases,
  assignCasesSchema,
  CASE_CHANNELS,
  deleteQueueView,
  isAppError,
  deleteQueueViewSchema,
  listCaseQueue,
  listQueueFilterOptions,
  listQueueViews,
  NO_ROOT_CAUSE,
  parseInput,
  QUEUE_SCOPES,
  QUEUE_SLA_STATES,
  QUEUE_PERIOD_DATES,
  QUEUE_SORTS,
  QUEUE_STATES,
  queueQueryInput,
  queueSearchParams,
  saveQueueView,
  saveQueueViewSchema,
  UNASSIGNED,
} from "@accord/core";
import type { CaseQueueItem, CaseQueueQuery } from "@accord/core";
import { hasPermission, isSecureRequest } from "@accord/auth";
import { CASE_STATUSES, CASE_TYPES, CUSTOMER_TIERS, isTerminal, OUTCOMES, PRIORITIES } from "@accord/domain";
import { Alert, Button, DataTable, EmptyState, Field, formatDate, formatDateTime, formatMoney, PageHeader, SelectField } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import type { MessageKey } from "@accord/web/i18n";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/home";
import queueStyles from "../styles/queue.css?url";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { env } from "../env.server";
import { parseForm } from "../.server/forms";
import { languageOf, translator, type Translate } from "../.server/i18n";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: queueStyles }];

const FORM_FIELDS = [
  "scope",
  "type",
  "priority",
  "team",
  "assignee",
  "account",
  "sla",
  "channel",
  "amountMin",
  "amountMax",
  "sort",
  "state",
  "from",
  "to",
  "on",
  "rootCause",
  "outcome",
  "tier",
] as const;
/** Fields that choose how the list is shown, not which cases: an empty page with only these set means "no case". */
const NOT_FILTERS = new Set<string>(["scope", "sort", "on"]);

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args, "case:read");
  const db = args.context.get(dbContext);
  const t = translator(args.context);
  const now = new Date();
  const url = new URL(args.request.url);
  // The form keeps what was typed, even when it does not parse.
  const form = {
    status: url.searchParams.getAll("status"),
    ...Object.fromEntries(FORM_FIELDS.map((key) => [key, url.searchParams.get(key) ?? ""])),
  } as Record<(typeof FORM_FIELDS)[number], string> & { status: string[] };
  try {
    const [options, views] = await Promise.all([listQueueFilterOptions({ db, actor, now, language: languageOf(args.context) }), listQueueViews({ db, actor, now })]);
    const choices = {
      slaStates: QUEUE_SLA_STATES,
      sorts: QUEUE_SORTS,
      channels: CASE_CHANNELS,
      unassigned: UNASSIGNED,
      states: QUEUE_STATES,
      periodDates: QUEUE_PERIOD_DATES,
      noRootCause: NO_ROOT_CAUSE,
    };
    // an empty page then says that no case matches, not that there are none
    const filtered = form.status.length > 0 || FORM_FIELDS.some((key) => !NOT_FILTERS.has(key) && form[key] !== "");
    // who may assign gets the rows' checkboxes (the use case checks each case again)
    const canAssign = hasPermission(actor, "case:assign") || hasPermission(actor, "case:qualify");
    const base = { form, filtered, options, views, choices, canAssign, canCreate: hasPermission(actor, "case:create") };
    try {
      const page = await listCaseQueue({ db, actor, input: queueQueryInput(url.searchParams), now });
      const links = queueLinks(page.query, page.nextCursor);
      return { ...base, page, links, state: page.query.state as string, message: null as string | null, fieldErrors: {} as Record<string, string[]> };
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      const described = describeError(error, t);
      const scope = (QUEUE_SCOPES as readonly string[]).includes(form.scope) ? form.scope : "all";
      // The state shown when the query did not parse: what was typed, if it is one (the column headers follow it).
      const state: string = (QUEUE_STATES as readonly string[]).includes(form.state) ? form.state : "open";
      return { ...base, page: null, links: queueLinks(null, null, scope), state, message: described.message, fieldErrors: described.fieldErrors };
    }
  } catch (error) {
    throwAsResponse(error, t);
  }
}

/** The page's links, built on the server from the canonical query string (tabs, pages, the view to save). */
function queueLinks(query: CaseQueueQuery | null, nextCursor: string | null, fallbackScope = "all") {
  const href = (params: URLSearchParams) => (params.size > 0 ? `/?${params}` : "/");
  const scope = query?.scope ?? fallbackScope;
  return {
    scope,
    tabs: QUEUE_SCOPES.map((value) => ({
      scope: value,
      href: query ? href(queueSearchParams({ ...query, scope: value, after: undefined })) : value === "all" ? "/" : `/?scope=${value}`,
      current: value === scope,
    })),
    next: query && nextCursor ? href(queueSearchParams({ ...query, after: undefined }, { after: nextCursor })) : null,
    first: query?.after ? href(queueSearchParams({ ...query, after: undefined })) : null,
    reset: scope === "all" ? "/" : `/?scope=${scope}`,
    /** What "save the view" stores: the filters shown, without the page cursor. */
    viewQuery: query ? queueSearchParams({ ...query, after: undefined }).toString() : null,
  };
}

export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args, "case:read");
  const db = args.context.get(dbContext);
  const t = translator(args.context);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const secure = isSecureRequest(args.request);
  if (intent === "save-view") {
    const submission = parseForm(formData, saveQueueViewSchema, t);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      const view = await saveQueueView({ db, actor, input: submission.value, now: new Date() });
      return redirect(view.query ? `/?${view.query}` : "/", { headers: { "Set-Cookie": flashCookie("queue.flash.viewSaved", { secure }) } });
    } catch (error) {
      const described = describeError(error, t);
      if (described.code === "forbidden") throwAsResponse(error, t);
      return data(
        { intent, result: submission.reply({ fieldErrors: described.fieldErrors, formErrors: Object.keys(described.fieldErrors).length > 0 ? [] : [described.message] }) },
        { status: described.status },
      );
    }
  }
  if (intent === "assign") {
    const references = formData.getAll("reference").map(String);
    try {
      await assignCases({
        db,
        actor,
        input: parseInput(assignCasesSchema, { references, teamId: formData.get("teamId") ?? "", assigneeId: formData.get("assigneeId") ?? "" }),
        now: new Date(),
        backofficeUrl: `${env().BACKOFFICE_URL}/`,
      });
    } catch (error) {
      const described = describeError(error, t);
      if (described.code === "forbidden") throwAsResponse(error, t);
      const { references: why = [], ...fieldErrors } = described.fieldErrors;
      return data(
        { intent, result: null, bulk: { message: why.length > 0 ? why : [described.message], fieldErrors, selected: references } },
        { status: described.status },
      );
    }
    // back to the same page of the queue, its filters kept
    const url = new URL(args.request.url);
    url.searchParams.delete("index");
    return redirect(url.search ? `/${url.search}` : "/", { headers: { "Set-Cookie": flashCookie("queue.flash.assigned", { secure }) } });
  }
  if (intent === "delete-view") {
    const submission = parseForm(formData, deleteQueueViewSchema, t);
    if (submission.status !== "success") throw data(null, { status: 404 });
    try {
      await deleteQueueView({ db, actor, input: submission.value, now: new Date() });
    } catch (error) {
      throwAsResponse(error, t);
    }
    return redirect("/", { headers: { "Set-Cookie": flashCookie("queue.flash.viewDeleted", { secure }) } });
  }
  throw data(null, { status: 400 });
}

/** Business minutes as the queue says them: "3 h 20 ouvrées", "dépassé de 2 j ouvrés". */
function businessTime(item: CaseQueueItem, t: Translate): string {
  if (item.businessMinutesLeft === null) return t("queue.time.none");
  const total = Math.abs(item.businessMinutesLeft);
  const day = item.businessDayMinutes && item.businessDayMinutes > 0 ? item.businessDayMinutes : null;
  let duration: string;
  if (day && total >= day) {
    const days = Math.floor(total / day);
    const hours = Math.floor((total - days * day) / 60);
    duration = hours > 0 ? t("queue.time.daysHours", { days, hours }) : t("queue.time.days", { days });
  } else if (total >= 60) {
    duration = t("queue.time.hours", { hours: Math.floor(total / 60), minutes: String(total % 60).padStart(2, "0") });
  } else {
    duration = t("queue.time.minutes", { minutes: total });
  }
  return item.businessMinutesLeft < 0 ? t("queue.time.overdue", { duration }) : duration;
}

function SlaBadge({ state, label }: { state: CaseQueueItem["slaState"]; label: string }) {
  return <span className={`badge sla-badge sla-badge--${state}`}>{label}</span>;
}

/** A filter of the queue: @accord/ui's select, with "any" first. */
/** Teams, staff, accounts as a select's options (by id, shown by name). */
function named(items: readonly { id: string; name: string }[]) {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

export default function CaseQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { page, links, form, options, views, choices, state, message, fieldErrors } = loaderData;
  const location = useLocation();
  const language = i18n.language;
  const saveErrors = actionData && "result" in actionData && actionData.intent === "save-view" ? (actionData.result as { error?: Record<string, string[]> | null }).error : null;
  const scope = links.scope;
  const selectOptions = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: translateKey(t, `${prefix}.${value}`) }));
  // Bulk assignment: "keep" leaves a case's team or assignee as it is.
  const keep = { value: "", label: t("queue.bulk.keep") };
  // The filters chosen in a list ("any" first), in the form's order.
  const filterLists: [
    name: "type" | "priority" | "sla" | "team" | "assignee" | "account" | "channel" | "rootCause" | "outcome" | "tier",
    options: { value: string; label: string }[],
  ][] = [
    ["type", selectOptions(CASE_TYPES, "caseType")],
    ["priority", PRIORITIES.map((p) => ({ value: p, label: p }))],
    ["sla", selectOptions(choices.slaStates, "queue.slaStates")],
    ["team", named(options.teams)],
    ["assignee", [{ value: choices.unassigned, label: t("queue.filters.unassigned") }, ...named(options.assignees)]],
    ["account", named(options.accounts)],
    ["channel", selectOptions(choices.channels, "caseChannel")],
    ["tier", selectOptions(CUSTOMER_TIERS, "casePage.customer.tiers")],
    ["rootCause", [{ value: choices.noRootCause, label: t("queue.filters.noRootCause") }, ...options.rootCauses.map((cause) => ({ value: cause.code, label: cause.label }))]],
    ["outcome", selectOptions(OUTCOMES, "settlement.outcomes")],
  ];
  // A page of 50 rows asks for the same few labels hundreds of times: each is translated once per render.
  const labels = new Map<string, string>();
  const label = (key: MessageKey): string => {
    let value = labels.get(key);
    if (value === undefined) labels.set(key, (value = t(key)));
    return value;
  };

  const bulk = actionData && "bulk" in actionData ? actionData.bulk : null;
  const selected = new Set(bulk?.selected ?? []);
  const selectColumn = {
    key: "select",
    header: <span className="visually-hidden">{t("queue.bulk.select")}</span>,
    // A closed, withdrawn, rejected or merged case cannot be assigned: no box (the use case would refuse it).
    cell: (item: CaseQueueItem) =>
      isTerminal(item.status) ? null : (
        <label className="queue-select">
          <input type="checkbox" name="reference" value={item.reference} form="queue-bulk" defaultChecked={selected.has(item.reference)} />
          <span className="visually-hidden">{t("queue.bulk.selectCase", { reference: item.reference })}</span>
        </label>
      ),
  };
  // What a user acts on first comes first: the reference (kept in view), then the deadline and the SLA.
  // The bulk assignment is for cases still open: without one on the page, neither the form nor the boxes.
  const assignable = loaderData.canAssign && (page?.cases.some((item) => !isTerminal(item.status)) ?? false);
  const headers =
    state === "ended"
      ? { deadline: t("queue.ended.endedHeader"), timeLeft: t("queue.ended.outcomeHeader"), sla: t("queue.ended.stateHeader") }
      : state === "all"
        ? { deadline: t("queue.ended.deadlineHeader"), timeLeft: t("queue.ended.timeLeftHeader"), sla: t("queue.table.sla") }
        : { deadline: t("queue.table.deadline"), timeLeft: t("queue.table.timeLeft"), sla: t("queue.table.sla") };
  // The open queue is the work list: a resolved case waiting to close keeps its SLA columns there (and its
  // place in the deadline order); the ended and all lists show an ended case's end date and outcome instead.
  const showsEnd = (item: CaseQueueItem) => state !== "open" && item.endedAt !== null;
  const columns = [
    ...(assignable ? [selectColumn] : []),
    {
      key: "reference",
      header: t("queue.columns.reference"),
      rowHeader: true,
      cell: (item: CaseQueueItem) => <Link to={`/cases/${item.reference}`}>{item.reference}</Link>,
    },
    {
      key: "deadline",
      header: headers.deadline,
      // An ended case has no countdown: its end date instead (its outcome and status in the next columns).
      cell: (item: CaseQueueItem): ReactNode =>
        showsEnd(item) && item.endedAt ? (
          <>
            {formatDate(item.endedAt, language)}
            <br />
            <span className="muted">{label("queue.ended.endedOn")}</span>
          </>
        ) : item.deadlineAt && item.deadlineKind ? (
          <>
            {formatDateTime(item.deadlineAt, language)}
            <br />
            <span className="muted">{label(`queue.deadlineKind.${item.deadlineKind}`)}</span>
          </>
        ) : (
          label("queue.noDeadline")
        ),
    },
    {
      key: "timeLeft",
      header: headers.timeLeft,
      cell: (item: CaseQueueItem) => (showsEnd(item) ? (item.outcome ? label(`settlement.outcomes.${item.outcome}`) : label("queue.ended.noOutcome")) : businessTime(item, t)),
    },
    {
      key: "sla",
      header: headers.sla,
      cell: (item: CaseQueueItem) =>
        showsEnd(item) ? <span className="badge">{label("queue.ended.badge")}</span> : <SlaBadge state={item.slaState} label={label(`queue.slaStates.${item.slaState}`)} />,
    },
    { key: "priority", header: t("queue.columns.priority"), cell: (item: CaseQueueItem) => <span className="badge">{item.priority}</span> },
    { key: "status", header: t("queue.columns.status"), cell: (item: CaseQueueItem) => label(`caseStatus.${item.status}`) },
    { key: "customer", header: t("queue.columns.customer"), cell: (item: CaseQueueItem) => item.customerName },
    { key: "subject", header: t("queue.columns.subject"), cell: (item: CaseQueueItem) => item.title },
    { key: "type", header: t("queue.columns.type"), cell: (item: CaseQueueItem) => label(`caseType.${item.type}`) },
    { key: "assignee", header: t("queue.columns.assignee"), cell: (item: CaseQueueItem) => item.assigneeName ?? label("queue.unassigned") },
    { key: "team", header: t("queue.table.team"), cell: (item: CaseQueueItem) => item.teamName ?? label("queue.table.noTeam") },
    {
      key: "amount",
      header: t("queue.table.amount"),
      align: "end" as const,
      cell: (item: CaseQueueItem) => formatMoney(item.disputedAmountCents, item.currency, language),
    },
    { key: "received", header: t("queue.columns.received"), cell: (item: CaseQueueItem) => formatDate(item.receivedAt, language) },
  ];

  return (
    <>
      <PageHeader
        title={t("queue.title")}
        description={t("queue.description")}
        actions={
          loaderData.canCreate ? (
            <Link className="button button--primary" to="/cases/new">
              {t("onBehalf.newCase")}
            </Link>
          ) : null
        }
      />

      <nav aria-label={t("queue.scopes.label")} className="queue-tabs">
        <ul>
          {links.tabs.map((tab) => (
            <li key={tab.scope}>
              <Link to={tab.href} aria-current={tab.current ? "page" : undefined} className="queue-tabs__tab">
                {t(`queue.scopes.${tab.scope}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="queue-layout">
        <aside className="queue-side">
          <section aria-labelledby="queue-views-title" className="card queue-views">
            <h2 id="queue-views-title">{t("queue.views.title")}</h2>
            {views.length === 0 ? (
              <p className="muted">{t("queue.views.none")}</p>
            ) : (
              <ul className="queue-views__list">
                {views.map((view) => (
                  <li key={view.id}>
                    <Link to={view.query ? `/?${view.query}` : "/"} aria-label={t("queue.views.apply", { name: view.name })}>
                      {view.name}
                    </Link>
                    <Form method="post" className="queue-views__delete">
                      <input type="hidden" name="intent" value="delete-view" />
                      <input type="hidden" name="id" value={view.id} />
                      <Button variant="ghost" aria-label={t("queue.views.deleteLabel", { name: view.name })}>
                        {t("queue.views.delete")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            {links.viewQuery !== null ? (
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="save-view" />
                <input type="hidden" name="query" value={links.viewQuery} />
                <Field name="name" label={t("queue.views.name")} hint={t("queue.views.nameHint")} maxLength={80} required errors={saveErrors?.name ?? null} />
                {saveErrors?.[""] ? <Alert tone="error">{saveErrors[""].join(" ")}</Alert> : null}
                <Button variant="secondary">{t("queue.views.save")}</Button>
              </Form>
            ) : null}
          </section>

          <section aria-labelledby="queue-filters-title" className="card">
            <h2 id="queue-filters-title">{t("queue.filters.title")}</h2>
            {/* Keyed by the query: after a navigation the fields show the new filters, not the old ones. */}
            <Form method="get" className="form queue-filters" key={location.search}>
              <input type="hidden" name="scope" value={form.scope || scope} />
              <SelectField
                id="filter-state"
                name="state"
                label={t("queue.filters.state")}
                defaultValue={form.state || "open"}
                options={choices.states.map((value) => ({ value, label: t(`queue.states.${value}`) }))}
                errors={fieldErrors.state}
              />
              <fieldset className="queue-filters__statuses" aria-describedby="filter-status-hint">
                <legend className="field__label">{t("queue.filters.status")}</legend>
                <p className="field__hint" id="filter-status-hint">
                  {t("queue.filters.statusHint")}
                </p>
                {CASE_STATUSES.map((status) => (
                  <label key={status} className="queue-filters__check">
                    <input type="checkbox" name="status" value={status} defaultChecked={form.status.includes(status)} /> {t(`caseStatus.${status}`)}
                  </label>
                ))}
                {fieldErrors.status ? <p className="field__error">{fieldErrors.status.join(" ")}</p> : null}
              </fieldset>
              {filterLists.map(([name, choicesOf]) => (
                <SelectField
                  key={name}
                  id={`filter-${name}`}
                  name={name}
                  label={t(`queue.filters.${name}`)}
                  defaultValue={form[name] ?? ""}
                  options={[{ value: "", label: t("queue.filters.any") }, ...choicesOf]}
                  errors={fieldErrors[name]}
                />
              ))}
              <Field
                name="amountMin"
                id="filter-amountMin"
                label={t("queue.filters.amountMin")}
                hint={t("queue.filters.amountHint")}
                inputMode="decimal"
                defaultValue={form.amountMin}
                errors={fieldErrors.amountMin}
              />
              <Field name="amountMax" id="filter-amountMax" label={t("queue.filters.amountMax")} inputMode="decimal" defaultValue={form.amountMax} errors={fieldErrors.amountMax} />
              <Field name="from" id="filter-from" type="date" label={t("queue.filters.from")} hint={t("queue.filters.periodHint")} defaultValue={form.from} errors={fieldErrors.from} />
              <Field name="to" id="filter-to" type="date" label={t("queue.filters.to")} defaultValue={form.to} errors={fieldErrors.to} />
              <SelectField
                id="filter-on"
                name="on"
                label={t("queue.filters.on")}
                defaultValue={form.on || "received"}
                options={choices.periodDates.map((value) => ({ value, label: t(`queue.periodDates.${value}`) }))}
                errors={fieldErrors.on}
              />
              {/* "Default" follows the state: a sort chosen for open cases never blocks a switch to ended ones. */}
              <SelectField
                id="filter-sort"
                name="sort"
                label={t("queue.filters.sort")}
                defaultValue={form.sort}
                options={[{ value: "", label: t("queue.filters.sortDefault") }, ...choices.sorts.map((sort) => ({ value: sort, label: t(`queue.sorts.${sort}`) }))]}
                errors={fieldErrors.sort}
              />
              <div className="form__actions">
                <Button>{t("queue.filters.submit")}</Button>
                <Link to={links.reset}>{t("queue.filters.reset")}</Link>
              </div>
            </Form>
          </section>
        </aside>

        <section className={assignable ? "queue-results queue-results--select" : "queue-results"} aria-label={t("queue.caption")}>
          {message ? (
            <Alert tone="error">{message}</Alert>
          ) : page ? (
            <>
              {assignable ? (
                // The rows' checkboxes belong to this form (form="queue-bulk"): it works without JavaScript.
                <Form method="post" id="queue-bulk" className="queue-bulk" aria-labelledby="queue-bulk-title">
                  <input type="hidden" name="intent" value="assign" />
                  <h2 id="queue-bulk-title" className="queue-bulk__title">
                    {t("queue.bulk.title")}
                  </h2>
                  {bulk ? (
                    <Alert tone="error">
                      {bulk.message.map((line, index) => (
                        <p key={index}>{line}</p>
                      ))}
                    </Alert>
                  ) : null}
                  <SelectField id="bulk-team" name="teamId" label={t("queue.bulk.team")} options={[keep, ...named(options.teams)]} errors={bulk?.fieldErrors.teamId} />
                  <SelectField id="bulk-assignee" name="assigneeId" label={t("queue.bulk.assignee")} options={[keep, ...named(options.assignees)]} errors={bulk?.fieldErrors.assigneeId} />
                  <Button variant="secondary">{t("queue.bulk.submit")}</Button>
                </Form>
              ) : null}
              <DataTable
                caption={t("queue.table.caption")}
                rows={page.cases}
                rowKey={(item) => item.id}
                empty={
                  loaderData.filtered ? (
                    <EmptyState title={t("queue.noMatch.title")}>
                      <Link to={links.reset}>{t("queue.noMatch.clear")}</Link>
                    </EmptyState>
                  ) : (
                    <EmptyState title={t("queue.empty")} />
                  )
                }
                columns={columns}
              />
              {links.next || links.first ? (
                <nav aria-label={t("queue.pages.label")} className="queue-pages">
                  {links.first ? <Link to={links.first}>{t("queue.pages.first")}</Link> : null}
                  {links.next ? (
                    <Link to={links.next} rel="next">
                      {t("queue.pages.next")}
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}
