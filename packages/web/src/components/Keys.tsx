/**
 * API keys, integration keys and reason codes (ADR 0035): the sections that the portal's "Mon entreprise"
 * and the back-office (an account's page, the administration) share. Each works without JavaScript: the
 * page's action runs the intents named here (`createKey`, `reviewRevokeKey`, `revokeKey`, `addReasonCode`,
 * `changeReasonCode`, `deleteReasonCode`); a new key comes back once in the action's reply (`shown`).
 */
import { Alert, Button, DataTable, formatDate, SelectField } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { CASE_TYPES, type CaseType } from "@accord/domain";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useActionData, useLocation, useSearchParams } from "react-router";
import type { IntentReply } from "../intents";
import { BoundField, initialText, SubmitRow } from "./FormFields";
import { IntentForm, isReviewed, useIntentForm } from "./IntentForm";

/** The intents of these sections, as the pages' action tables name them. */
export const KEY_INTENTS = ["createKey", "reviewRevokeKey", "revokeKey", "addReasonCode", "changeReasonCode", "deleteReasonCode"] as const;
export type KeyIntent = (typeof KEY_INTENTS)[number];

/** The query parameter naming the reason code being changed (`?code=<id>`). */
export const EDIT_CODE_PARAM = "code";

/** A new key, as the action's reply carries it this once. */
export interface ShownKey {
  id: string;
  name: string;
  key: string;
  prefix: string;
}

type KeysReply = (Pick<IntentReply<string>, "intent" | "result"> & { shown?: ShownKey }) | null | undefined;

/** A key as a page lists it (dates as ISO strings). */
export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** API keys only. */
  actingUserName?: string | null;
  /** Integration keys only. */
  scopes?: string[];
}

export interface ReasonCodeRow {
  id: string;
  code: string;
  caseType: CaseType;
  label: string;
}

/** The new key, shown once, with a copy button (the field can be selected and copied without JavaScript too). */
function ShownKeyNotice({ shown }: { shown: ShownKey }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const id = `shown-key-${shown.id}`;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="shown-key">
      <h3 id={`${id}-title`}>{t("keys.shown.title", { name: shown.name })}</h3>
      <Alert tone="warning">{t("keys.shown.warning")}</Alert>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t("keys.shown.label")}
        </label>
        <input id={id} className="field__input" readOnly value={shown.key} onFocus={(event) => event.currentTarget.select()} spellCheck={false} autoComplete="off" />
      </div>
      <div className="form__actions">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(shown.key).then(() => setCopied(true));
          }}
        >
          {t("keys.shown.copy")}
        </Button>
        {copied ? <span role="status">{t("keys.shown.copied")}</span> : null}
      </div>
    </section>
  );
}

/** A row's one-button form (revoke, delete): its intent, the row it acts on, the button. */
function RowButton({ intent, field, value, label, text, variant = "secondary" }: { intent: KeyIntent; field: string; value: string; label: string; text: string; variant?: "secondary" | "danger" }) {
  const reply = useActionData<KeysReply>();
  const [form] = useIntentForm(intent, reply, { key: value });
  return (
    <IntentForm form={form} className="inline-form">
      <input type="hidden" name={field} value={value} />
      <Button type="submit" variant={variant} aria-label={label}>
        {text}
      </Button>
    </IntentForm>
  );
}

/** "Are you sure?" before a revocation (the review step's reply names the key). */
function RevokeConfirmation({ keys }: { keys: readonly KeyRow[] }) {
  const { t } = useTranslation();
  const reply = useActionData<KeysReply>();
  const [form] = useIntentForm("revokeKey", reply);
  const location = useLocation();
  if (!isReviewed(reply, "reviewRevokeKey")) return null;
  const key = keys.find((k) => k.id === reply?.result.initialValue?.keyId && k.revokedAt === null);
  if (!key) return null;
  return (
    <section className="card" aria-labelledby="revoke-confirm-title">
      <h3 id="revoke-confirm-title">{t("keys.revokeConfirm.title", { name: key.name })}</h3>
      <p>{t("keys.revokeConfirm.body")}</p>
      <IntentForm form={form}>
        <input type="hidden" name="keyId" value={key.id} />
        <SubmitRow label={t("keys.revokeConfirm.submit")} variant="danger">
          <Link to={location.pathname + location.search}>{t("keys.revokeConfirm.cancel")}</Link>
        </SubmitRow>
      </IntentForm>
    </section>
  );
}

/** The keys' table: live keys first, revoked ones greyed with their date. */
function KeysTable({ keys, caption, empty, extra }: { keys: readonly KeyRow[]; caption: string; empty: string; extra: { key: string; header: string; cell: (row: KeyRow) => ReactNode } }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const grey = (row: KeyRow, content: ReactNode) => (row.revokedAt ? <span className="muted">{content}</span> : content);
  return (
    <DataTable
      caption={caption}
      rows={keys}
      rowKey={(row) => row.id}
      empty={<p className="muted">{empty}</p>}
      columns={[
        { key: "name", header: t("keys.columns.name"), rowHeader: true, cell: (row) => grey(row, row.name) },
        { key: "prefix", header: t("keys.columns.prefix"), cell: (row) => grey(row, <code>{row.prefix}…</code>) },
        { ...extra, cell: (row) => grey(row, extra.cell(row)) },
        { key: "created", header: t("keys.columns.created"), cell: (row) => grey(row, row.createdByName ? t("keys.createdBy", { date: date(row.createdAt), name: row.createdByName }) : date(row.createdAt)) },
        { key: "lastUsed", header: t("keys.columns.lastUsed"), cell: (row) => grey(row, row.lastUsedAt ? date(row.lastUsedAt) : t("keys.neverUsed")) },
        { key: "status", header: t("keys.columns.status"), cell: (row) => (row.revokedAt ? <span className="muted">{t("keys.revokedOn", { date: date(row.revokedAt) })}</span> : t("keys.active")) },
        {
          key: "actions",
          header: t("keys.columns.actions"),
          cell: (row) => (row.revokedAt ? null : <RowButton intent="reviewRevokeKey" field="keyId" value={row.id} label={t("keys.revokeLabel", { name: row.name })} text={t("keys.revoke")} variant="danger" />),
        },
      ]}
    />
  );
}

/** The form creating a key: its name (and, for staff, the user an API key acts as). */
function CreateKeyForm({ title, actingUsers }: { title: string; actingUsers?: readonly { id: string; name: string }[] | undefined }) {
  const { t } = useTranslation();
  const reply = useActionData<KeysReply>();
  const [form, fields] = useIntentForm<{ name: string; actingUserId: string }>("createKey", reply);
  return (
    <section className="card" aria-labelledby="create-key-title">
      <h3 id="create-key-title">{title}</h3>
      <IntentForm form={form}>
        <BoundField field={fields.name} id="key-name" label={t("keys.name")} hint={t("keys.nameHint")} autoComplete="off" required maxLength={100} />
        {actingUsers ? (
          <SelectField
            id="key-acting-user"
            name={fields.actingUserId.name}
            label={t("keys.apiKeys.actingUser")}
            hint={t("keys.apiKeys.actingUserHint")}
            defaultValue={initialText(fields.actingUserId.initialValue)}
            errors={fields.actingUserId.errors}
            options={[{ value: "", label: t("keys.apiKeys.actingUserPlaceholder") }, ...actingUsers.map((u) => ({ value: u.id, label: u.name }))]}
          />
        ) : null}
        <SubmitRow label={t("keys.create")} />
      </IntentForm>
    </section>
  );
}

/** The key the last reply shows once, if it answered this page's creation. */
function useShownKey(): ShownKey | null {
  const reply = useActionData<KeysReply>();
  return reply?.intent === "createKey" && reply.shown ? reply.shown : null;
}

/**
 * An account's API keys: the list, the key just created (once), the revocation's confirmation, the
 * creation form. `actingUsers`: the choice staff make (a customer admin's key acts as themselves).
 */
export function ApiKeysSection({ keys, actingUsers }: { keys: readonly KeyRow[]; actingUsers?: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const shown = useShownKey();
  return (
    <section aria-labelledby="api-keys-title" className="stack" id="api-keys">
      <h2 id="api-keys-title">{t("keys.apiKeys.title")}</h2>
      <p>{t("keys.apiKeys.description")}</p>
      {shown ? <ShownKeyNotice shown={shown} /> : null}
      <RevokeConfirmation keys={keys} />
      <KeysTable keys={keys} caption={t("keys.apiKeys.caption")} empty={t("keys.apiKeys.empty")} extra={{ key: "actingUser", header: t("keys.columns.actingUser"), cell: (row) => row.actingUserName ?? "" }} />
      <CreateKeyForm title={t("keys.apiKeys.createTitle")} actingUsers={actingUsers} />
      {actingUsers ? null : <p className="muted">{t("keys.apiKeys.actingUserDefault")}</p>}
    </section>
  );
}

/** The integration keys (staff admins): same shape, scope "imports". */
export function IntegrationKeysSection({ keys }: { keys: readonly KeyRow[] }) {
  const { t } = useTranslation();
  const shown = useShownKey();
  return (
    <section aria-labelledby="integration-keys-title" className="stack" id="integration-keys">
      <h2 id="integration-keys-title" className="visually-hidden">
        {t("keys.integrationKeys.title")}
      </h2>
      {shown ? <ShownKeyNotice shown={shown} /> : null}
      <RevokeConfirmation keys={keys} />
      <KeysTable
        keys={keys}
        caption={t("keys.integrationKeys.caption")}
        empty={t("keys.integrationKeys.empty")}
        extra={{ key: "scopes", header: t("keys.columns.scopes"), cell: (row) => (row.scopes ?? []).map((scope) => translateKey(t, `keys.integrationKeys.scopes.${scope}`)).join(", ") }}
      />
      <CreateKeyForm title={t("keys.integrationKeys.createTitle")} />
    </section>
  );
}

/** The fields of a reason code (adding one or changing one). */
function ReasonCodeFields({ fields }: { fields: { code: { name: string; initialValue?: unknown; errors?: string[] | undefined }; caseType: { name: string; initialValue?: unknown; errors?: string[] | undefined }; label: { name: string; initialValue?: unknown; errors?: string[] | undefined } } }) {
  const { t } = useTranslation();
  return (
    <>
      <BoundField field={fields.code} id={`${fields.code.name}-code`} label={t("keys.reasonCodes.code")} hint={t("keys.reasonCodes.codeHint")} autoComplete="off" required maxLength={40} />
      <SelectField
        id={`${fields.code.name}-case-type`}
        name={fields.caseType.name}
        label={t("keys.reasonCodes.caseType")}
        defaultValue={initialText(fields.caseType.initialValue)}
        errors={fields.caseType.errors}
        options={[{ value: "", label: t("keys.reasonCodes.caseTypePlaceholder") }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`claims.new.types.${type}`) }))]}
      />
      <BoundField field={fields.label} id={`${fields.code.name}-label`} label={t("keys.reasonCodes.label")} hint={t("keys.reasonCodes.labelHint")} autoComplete="off" maxLength={200} />
    </>
  );
}

function AddReasonCodeForm() {
  const { t } = useTranslation();
  const reply = useActionData<KeysReply>();
  const [form, fields] = useIntentForm<{ code: string; caseType: string; label: string }>("addReasonCode", reply);
  return (
    <section className="card" aria-labelledby="add-code-title">
      <h3 id="add-code-title">{t("keys.reasonCodes.addTitle")}</h3>
      <IntentForm form={form}>
        <ReasonCodeFields fields={fields} />
        <SubmitRow label={t("keys.reasonCodes.add")} />
      </IntentForm>
    </section>
  );
}

function ChangeReasonCodeForm({ row }: { row: ReasonCodeRow }) {
  const { t } = useTranslation();
  const reply = useActionData<KeysReply>();
  const location = useLocation();
  const [form, fields] = useIntentForm<{ id: string; code: string; caseType: string; label: string }>("changeReasonCode", reply, { key: row.id, defaultValue: { code: row.code, caseType: row.caseType, label: row.label } });
  return (
    <section className="card" aria-labelledby="change-code-title" id="reason-code-edit">
      <h3 id="change-code-title">{t("keys.reasonCodes.editTitle", { code: row.code })}</h3>
      <IntentForm form={form}>
        <input type="hidden" name="id" value={row.id} />
        <ReasonCodeFields fields={fields} />
        <SubmitRow label={t("keys.reasonCodes.save")}>
          <Link to={location.pathname}>{t("keys.reasonCodes.cancel")}</Link>
        </SubmitRow>
      </IntentForm>
    </section>
  );
}

function ReasonCodesTable({ rows, caption, empty, editable }: { rows: readonly ReasonCodeRow[]; caption: string; empty: string; editable: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<p className="muted">{empty}</p>}
      columns={[
        { key: "code", header: t("keys.reasonCodes.columns.code"), rowHeader: true, cell: (row) => <code>{row.code}</code> },
        { key: "caseType", header: t("keys.reasonCodes.columns.caseType"), cell: (row) => t(`claims.new.types.${row.caseType}`) },
        { key: "label", header: t("keys.reasonCodes.columns.label"), cell: (row) => row.label },
        ...(editable
          ? [
              {
                key: "actions",
                header: t("keys.reasonCodes.columns.actions"),
                cell: (row: ReasonCodeRow) => (
                  <>
                    <Link className="button button--secondary" to={`${location.pathname}?${EDIT_CODE_PARAM}=${encodeURIComponent(row.id)}#reason-code-edit`} aria-label={t("keys.reasonCodes.editLabel", { code: row.code })}>
                      {t("keys.reasonCodes.edit")}
                    </Link>{" "}
                    <RowButton intent="deleteReasonCode" field="id" value={row.id} label={t("keys.reasonCodes.deleteLabel", { code: row.code })} text={t("keys.reasonCodes.delete")} />
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * A mapping of reason codes: the scope's own (editable: add, change via `?code=<id>`, delete) and, for
 * an account, the administration's codes that apply too (read-only).
 */
export function ReasonCodesSection({ own, administration, forAdministration = false }: { own: readonly ReasonCodeRow[]; administration: readonly ReasonCodeRow[]; forAdministration?: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const editing = own.find((row) => row.id === params.get(EDIT_CODE_PARAM));
  return (
    <section aria-labelledby="reason-codes-title" className="stack" id="reason-codes">
      <h2 id="reason-codes-title" className={forAdministration ? "visually-hidden" : undefined}>
        {t("keys.reasonCodes.title")}
      </h2>
      <p>{forAdministration ? t("keys.reasonCodes.administrationDescription") : t("keys.reasonCodes.description")}</p>
      <ReasonCodesTable rows={own} caption={t("keys.reasonCodes.caption")} empty={t("keys.reasonCodes.empty")} editable />
      {editing ? <ChangeReasonCodeForm key={editing.id} row={editing} /> : null}
      <AddReasonCodeForm />
      {forAdministration ? null : (
        <>
          <h3>{t("keys.reasonCodes.administrationTitle")}</h3>
          <ReasonCodesTable rows={administration} caption={t("keys.reasonCodes.administrationCaption")} empty={t("keys.reasonCodes.administrationEmpty")} editable={false} />
        </>
      )}
    </section>
  );
}
