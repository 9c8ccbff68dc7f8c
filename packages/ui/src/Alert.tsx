import type { ReactNode } from "react";

export interface AlertProps {
  tone?: "info" | "success" | "warning" | "error";
  title?: ReactNode;
  children: ReactNode;
  id?: string;
}

/** A status or error message. Errors are announced at once (role=alert), others politely (role=status). */
export function Alert({ tone = "info", title, children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}
