import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "ghost" | "danger";
}

export function Button({ variant = "primary", type = "submit", className, ...props }: ButtonProps) {
  return (
    <button {...props} type={type} className={["button", `button--${variant}`, className].filter(Boolean).join(" ")} />
  );
}
