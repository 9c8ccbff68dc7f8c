/** The outcome the filer wishes (credit note, replacement, refund, other) and the evidence files. */
import { ChoiceGroup, EvidenceUploader, Field, uploaderLimits, type RefusedFile, type UploadedFile } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { bindField, type ClaimFormState } from "./types";

// Plain list here (DESIRED_OUTCOMES of @accord/core): the component must not pull server code into the browser bundle.
const OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;

export function ClaimOutcome({ state }: { state: ClaimFormState }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card stack">
      <legend>{t("claims.new.outcomeLegend")}</legend>
      <ChoiceGroup
        type="radio"
        name="desiredOutcome"
        legend={t("claims.new.outcomeLegend")}
        legendHidden
        defaultValues={[bindField(state, "desiredOutcome").defaultValue]}
        options={OUTCOMES.map((code) => ({ value: code, label: t(`claims.new.outcomes.${code}`) }))}
        errors={state.errors.desiredOutcome}
      />
      <Field id="claim-outcome-text" label={t("claims.new.outcomeText")} {...bindField(state, "desiredOutcomeText")} />
    </fieldset>
  );
}

export interface ClaimEvidenceProps {
  state: ClaimFormState;
  maxUploadBytes: number;
  uploadUrl: string;
  uploads: readonly UploadedFile[] | undefined;
  refused: readonly RefusedFile[] | undefined;
}

export function ClaimEvidence({ state, maxUploadBytes, uploadUrl, uploads, refused }: ClaimEvidenceProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card stack">
      <EvidenceUploader
        id="claim-evidence"
        label={t("uploads.label")}
        {...uploaderLimits(t, maxUploadBytes)}
        uploadUrl={uploadUrl}
        language={i18n.language}
        initialUploads={uploads}
        initialRefused={refused}
        errors={state.errors.uploadIds}
      />
    </div>
  );
}
