import { createContext } from "react";

/**
 * This response's Content-Security-Policy nonce (server.ts makes one per request): the inline scripts
 * React Router renders carry it. Empty in the browser, which hides nonces from the page anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined);
