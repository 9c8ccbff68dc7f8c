/** Messages a redirect carries to the next page: see @accord/web/flash (the keys are listed there). */
export { flashCookie, flashMiddleware, takeFlash, type FlashKey } from "@accord/web/flash";
