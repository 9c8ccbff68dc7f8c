/** Client info (IP) from the server, safe redirects, the login URL: see @accord/web/request. */
export { clientContext, loginUrlFor, safeRedirect, type ClientInfo } from "@accord/web/request";
