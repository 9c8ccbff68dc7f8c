import type { AppName } from "@accord/auth";

/** Which app this is, for sign-in, cookies and e-mail links. */
export const APP: AppName = "backoffice";
