/** The refusal of a mailed-link request over its limit (sign-up, a new verification link, a password reset). */
export function tooManyMailRequests(retryAfterMinutes: number): string {
  return `Too many requests from here. For your security, try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`;
}
