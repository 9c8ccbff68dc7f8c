/**
 * EvidenceUploader: evidence files for a form, with or without JavaScript.
 *
 * Without JavaScript it is a labelled `<input type="file" name="files" multiple>`: the form must be
 * `method="post" encType="multipart/form-data"` and its action reads the files with
 * `readFormWithUploads` (@accord/web). With JavaScript, each chosen file is uploaded at once
 * (XMLHttpRequest to `uploadUrl`, a progress bar per file), the staged files are listed with a
 * remove button, a refused file is named with its reason while the others stay, and each staged file
 * becomes `<input type="hidden" name="uploadIds" value="<id>">` for the form's action (the file input
 * is emptied and nameless, so nothing is sent twice).
 *
 * Usage (a route component; `t` is the route's translator, the action is below):
 *
 *   <Form method="post" encType="multipart/form-data">
 *     <EvidenceUploader
 *       label={t("claim.evidence.label")}
 *       hint={t("uploads.hint", { max: "100 Mo" })}
 *       language={i18n.language}
 *       initialUploads={actionData?.uploads}   // kept after a refused submission
 *       initialRefused={actionData?.refused}   // [{ fileName, message }] already translated
 *       errors={fieldErrors.uploadIds}
 *       messages={uploaderMessages(t)}         // from @accord/ui, strings uploads.* of the shared catalogue
 *     />
 *   </Form>
 *
 *   // action: const { fields, uploadIds, uploads, refused } = await readFormWithUploads(request, { db, actor, store, now });
 *   // then the use case attaches `uploadIds` (attachStagedUploads) in its transaction.
 *
 * The portal serves `POST /uploads` and `POST /uploads/:id/discard` (the back-office the same).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { uploadLimitMegabytes } from "./format";
import type { SharedTranslate } from "./locales";

export interface UploadedFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  contentType?: string;
}

export interface RefusedFile {
  fileName: string;
  /** Already translated reason ("Le type de « x.pdf » n'est pas accepté."). */
  message: string;
}

/** Every text the component shows, translated by the caller. */
export interface EvidenceUploaderMessages {
  /** Text of the remove button. */
  remove: string;
  /** Accessible name of the remove button of one file. */
  removeFile: (fileName: string) => string;
  /** Accessible name of a progress bar ("Envoi de x.pdf"). */
  uploading: (fileName: string) => string;
  /** Announced when a file is staged ("x.pdf est prêt"). */
  uploaded: (fileName: string) => string;
  /** Announced when a file is removed. */
  removed: (fileName: string) => string;
  /** The upload failed (network, server error, session ended). */
  failed: (fileName: string) => string;
  /** Shown when the form is sent while files are still uploading. */
  waitForUploads: string;
  /** Heading of the list of files. */
  listLabel: string;
  /** A file over `maxFileBytes`, refused before it is sent (without it, the server refuses it). */
  tooLarge?: (fileName: string) => string;
}

export interface EvidenceUploaderProps {
  label: ReactNode;
  hint?: ReactNode;
  messages: EvidenceUploaderMessages;
  /** Name of the hidden inputs carrying the staged upload ids (default "uploadIds"). */
  name?: string;
  /** Name of the file input for the form without JavaScript (default "files"). */
  fileInputName?: string;
  /** Where each file is posted (default "/uploads"); discard posts to `<uploadUrl>/<id>/discard`. */
  uploadUrl?: string;
  id?: string;
  /** The file input's `accept` (extensions such as ".pdf,.png"). */
  accept?: string;
  /** Uploads staged before (a form re-rendered after a refused submission keeps them). */
  initialUploads?: readonly UploadedFile[] | null;
  /** Files refused by the last submission without JavaScript. */
  initialRefused?: readonly RefusedFile[] | null;
  /** Already translated errors of the field (e.g. an expired upload). */
  errors?: readonly string[] | null;
  /** For sizes ("1,5 Mo" / "1.5 MB"). */
  language?: string;
  /** The server's limit: a larger file is refused at once, without sending it (needs `messages.tooLarge`). */
  maxFileBytes?: number;
  disabled?: boolean;
}

type Entry =
  | { key: string; status: "uploading"; fileName: string; sizeBytes: number; percent: number; abort: () => void }
  | { key: string; status: "staged"; fileName: string; sizeBytes: number; id: string }
  | { key: string; status: "refused"; fileName: string; sizeBytes: number | null; message: string };

interface UploadResponse {
  uploads?: UploadedFile[];
  refused?: { fileName: string; message: string }[];
}

/** The extensions the server accepts (it checks the content too): the file picker's default filter. */
export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.gif,.webp,.heic,.heif,.tif,.tiff,.docx,.xlsx,.odt,.ods,.csv,.eml,.txt";

/**
 * The uploader's messages from the shared catalogue (`uploads.*`): `uploaderMessages(t)` with the
 * route's `t`; with `maxMegabytes` (the limit the hint shows), a larger file is refused before it is sent.
 */
export function uploaderMessages(
  t: SharedTranslate,
  { maxMegabytes }: { maxMegabytes?: number } = {},
): EvidenceUploaderMessages {
  return {
    ...(maxMegabytes !== undefined ? { tooLarge: (fileName: string) => t("uploads.error.size", { fileName, max: maxMegabytes }) } : {}),
    remove: t("uploads.remove"),
    removeFile: (fileName) => t("uploads.removeFile", { fileName }),
    uploading: (fileName) => t("uploads.uploading", { fileName }),
    uploaded: (fileName) => t("uploads.uploaded", { fileName }),
    removed: (fileName) => t("uploads.removed", { fileName }),
    failed: (fileName) => t("uploads.failed", { fileName }),
    waitForUploads: t("uploads.waitForUploads"),
    listLabel: t("uploads.listLabel"),
  };
}

/**
 * What the uploader takes from the largest file accepted (UPLOAD_MAX_BYTES, `maxFileBytes`): the hint
 * naming the limit, the messages (a larger file refused before it is sent) and the limit itself —
 * spread on the uploader: `<EvidenceUploader {...uploaderLimits(t, maxUploadBytes)} … />`.
 */
export function uploaderLimits(t: SharedTranslate, maxFileBytes: number) {
  const maxMegabytes = uploadLimitMegabytes(maxFileBytes);
  return { hint: t("uploads.hint", { max: maxMegabytes }), messages: uploaderMessages(t, { maxMegabytes }), maxFileBytes };
}

let sequence = 0;
const nextKey = () => `upload-${++sequence}`;

/** Bytes → "12,3 Mo" / "12.3 MB" (decimal units, as file managers show them). */
export function formatFileSize(bytes: number, language = "fr"): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function EvidenceUploader({
  label,
  hint,
  messages,
  name = "uploadIds",
  fileInputName = "files",
  uploadUrl = "/uploads",
  id,
  accept = EVIDENCE_ACCEPT,
  initialUploads,
  initialRefused,
  errors,
  language = "fr",
  maxFileBytes,
  disabled,
}: EvidenceUploaderProps) {
  const generatedId = useId();
  const inputId = id ?? `uploader-${generatedId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const statusId = `${inputId}-status`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [entries, setEntries] = useState<Entry[]>(() => [
    ...(initialUploads ?? []).map((u): Entry => ({ key: nextKey(), status: "staged", fileName: u.fileName, sizeBytes: u.sizeBytes, id: u.id })),
    ...(initialRefused ?? []).map((r): Entry => ({ key: nextKey(), status: "refused", fileName: r.fileName, sizeBytes: null, message: r.message })),
  ]);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;

  useEffect(() => setHydrated(true), []);

  // A form sent while files are still on their way would miss them: hold it and say why.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (entriesRef.current.some((e) => e.status === "uploading")) {
        event.preventDefault();
        event.stopImmediatePropagation();
        setAnnouncement(messages.waitForUploads);
      }
    };
    form.addEventListener("submit", onSubmit, { capture: true });
    return () => form.removeEventListener("submit", onSubmit, { capture: true });
  }, [messages.waitForUploads]);

  const update = useCallback((key: string, next: Entry | null) => {
    setEntries((current) => (next ? current.map((e) => (e.key === key ? next : e)) : current.filter((e) => e.key !== key)));
  }, []);

  const upload = useCallback(
    (file: File) => {
      const key = nextKey();
      const base = { key, fileName: file.name, sizeBytes: file.size };
      if (maxFileBytes !== undefined && file.size > maxFileBytes && messages.tooLarge) {
        const message = messages.tooLarge(file.name);
        setEntries((current) => [...current, { ...base, status: "refused", message }]);
        setAnnouncement(message);
        return;
      }
      const xhr = new XMLHttpRequest();
      const refuse = (message: string) => {
        update(key, { ...base, status: "refused", message });
        setAnnouncement(message);
      };
      setEntries((current) => [...current, { ...base, status: "uploading", percent: 0, abort: () => xhr.abort() }]);
      xhr.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        const percent = Math.min(100, Math.floor((event.loaded / event.total) * 100));
        setEntries((current) => current.map((e) => (e.key === key && e.status === "uploading" ? { ...e, percent } : e)));
      });
      xhr.addEventListener("load", () => {
        let body: UploadResponse | null;
        try {
          body = JSON.parse(xhr.responseText) as UploadResponse;
        } catch {
          body = null;
        }
        const staged = body?.uploads?.[0];
        const refused = body?.refused?.[0];
        if (xhr.status >= 200 && xhr.status < 300 && staged) {
          update(key, { ...base, fileName: staged.fileName, sizeBytes: staged.sizeBytes, status: "staged", id: staged.id });
          setAnnouncement(messages.uploaded(staged.fileName));
        } else if (refused) {
          refuse(refused.message);
        } else {
          refuse(messages.failed(file.name));
        }
      });
      xhr.addEventListener("error", () => refuse(messages.failed(file.name)));
      xhr.addEventListener("abort", () => update(key, null));
      const body = new FormData();
      body.append("files", file, file.name);
      xhr.open("POST", uploadUrl);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.send(body);
    },
    [maxFileBytes, messages, update, uploadUrl],
  );

  const onChange = () => {
    const input = inputRef.current;
    if (!input?.files || !hydrated) return;
    for (const file of Array.from(input.files)) upload(file);
    input.value = "";
  };

  // Files chosen before the page was hydrated (a slow network or machine): their change event went
  // unheard, and the input loses its name once hydrated, so the form would not carry them either.
  // Upload them now instead of dropping them.
  useEffect(() => {
    const input = inputRef.current;
    if (!hydrated || !input?.files || input.files.length === 0) return;
    for (const file of Array.from(input.files)) upload(file);
    input.value = "";
  }, [hydrated, upload]);

  const remove = (entry: Entry) => {
    if (entry.status === "uploading") entry.abort();
    if (entry.status === "staged") {
      void fetch(`${uploadUrl}/${encodeURIComponent(entry.id)}/discard`, { method: "POST", headers: { Accept: "application/json" } }).catch(() => {});
    }
    update(entry.key, null);
    setAnnouncement(messages.removed(entry.fileName));
  };

  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={["field", "uploader", hasErrors ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        // Once hydrated the files travel one by one (XHR); the form then only carries their ids.
        name={hydrated ? undefined : fileInputName}
        multiple
        accept={accept}
        disabled={disabled}
        className="field__input uploader__input"
        aria-invalid={hasErrors ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange}
      />
      {hasErrors ? (
        <p className="field__error" id={errorId}>
          {errors!.join(" ")}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="uploader__list" aria-label={messages.listLabel}>
          {entries.map((entry) => (
            <li key={entry.key} className={`uploader__item uploader__item--${entry.status}`}>
              <span className="uploader__name">{entry.fileName}</span>
              {entry.sizeBytes !== null ? <span className="uploader__size">{formatFileSize(entry.sizeBytes, language)}</span> : null}
              {entry.status === "uploading" ? (
                <span className="uploader__progress">
                  <progress max={100} value={entry.percent} aria-label={messages.uploading(entry.fileName)} />
                  <span aria-hidden="true">{entry.percent} %</span>
                </span>
              ) : null}
              {entry.status === "refused" ? <span className="uploader__reason field__error">{entry.message}</span> : null}
              {entry.status === "staged" ? <input type="hidden" name={name} value={entry.id} /> : null}
              {hydrated ? (
                <button type="button" className="button button--ghost uploader__remove" aria-label={messages.removeFile(entry.fileName)} onClick={() => remove(entry)}>
                  {messages.remove}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p id={statusId} className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
