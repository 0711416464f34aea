import { appUrl } from "@/lib/env";

/** Where Microsoft sends the browser back after sign-in; the same path on every installation. */
export const CALLBACK_PATH = "/api/microsoft/callback";

/**
 * The exact redirect URI to register on the app registration (platform "Web"). It comes from APP_URL,
 * never from a request's Host header, so what the account page shows is what every sign-in sends.
 */
export const redirectUri = (): string => `${appUrl()}${CALLBACK_PATH}`;
