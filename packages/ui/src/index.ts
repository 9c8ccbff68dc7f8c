export { AppShell, LanguageSwitch, languageHref, type AppShellProps, type LanguageLink } from "./AppShell";
export { ChoiceGroup, Field, FieldError, SelectField, TextareaField, type ChoiceGroupProps, type FieldProps, type SelectFieldProps, type TextareaFieldProps } from "./Field";
export { Button, type ButtonProps } from "./Button";
export { Alert, type AlertProps } from "./Alert";
export { EmptyState } from "./EmptyState";
export { PageHeader, type PageHeaderProps } from "./PageHeader";
export { DataTable, type Column, type DataTableProps } from "./DataTable";
export { formatDate, formatDateTime, formatDecimalText, formatMoney, formatMonth, formatQuantity, uploadLimitMegabytes } from "./format";
export { EvidenceUploader, uploaderLimits, uploaderMessages, EVIDENCE_ACCEPT, formatFileSize, type EvidenceUploaderProps, type EvidenceUploaderMessages, type UploadedFile, type RefusedFile } from "./EvidenceUploader";
