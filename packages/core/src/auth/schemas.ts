import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@accord/domain";
import { z } from "zod";

/**
 * Input schemas shared by the forms, the API and the use cases. Error messages
 * are catalogue keys (`validation.*`), translated by the apps.
 */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };
export const EMAIL_MAX_LENGTH = 254;

const required = "validation.required";

export const emailSchema = z
  .string({ error: required })
  .trim()
  .toLowerCase()
  .min(1, required)
  .max(EMAIL_MAX_LENGTH, "validation.tooLong")
  .pipe(z.email({ error: "validation.email" }));

/**
 * A new password: long enough, and not one of the 10,000 most common passwords (the domain's policy).
 * (Signing in checks only presence and length: old passwords may be shorter.)
 */
export const newPasswordSchema = z
  .string({ error: required })
  .min(1, { error: required, abort: true })
  .min(PASSWORD_MIN_LENGTH, "validation.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "validation.tooLong")
  // A short password already has its message.
  .refine((password) => password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH || !isCommonPassword(password), "validation.passwordTooCommon");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: required }).min(1, required).max(PASSWORD_MAX_LENGTH, "validation.tooLong"),
});
export type SignInInput = z.output<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.output<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: required }).trim().min(1, required),
    password: newPasswordSchema,
    // Aborting here keeps "passwords differ" from piling onto an empty confirmation.
    confirm: z.string({ error: required }).min(1, { error: required, abort: true }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
