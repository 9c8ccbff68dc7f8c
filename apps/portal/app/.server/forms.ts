/** Server-side validation of a form with the input's zod schema: see @accord/web/forms. */
export { parseForm } from "@accord/web/forms";
