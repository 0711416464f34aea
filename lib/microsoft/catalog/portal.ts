/**
 * Menu paths in Microsoft's admin portals, shared by every fix so a renamed menu is changed once.
 * They follow the current Entra navigation ("Entra ID → App registrations"); older tenants may
 * still show it as "Identity → Applications → App registrations".
 */
export const ENTRA = "Microsoft Entra admin center (entra.microsoft.com)";
export const APP_REGISTRATION = `${ENTRA} → Entra ID → App registrations → All applications → your app`;
export const ENTERPRISE_APP = `${ENTRA} → Entra ID → Enterprise apps → All applications → your app`;
export const SIGN_IN_LOGS = `${ENTRA} → Entra ID → Monitoring & health → Sign-in logs`;
export const CONDITIONAL_ACCESS = `${ENTRA} → Entra ID → Conditional Access → Policies`;
export const API_PERMISSIONS = `${APP_REGISTRATION} → API permissions`;
export const CLIENT_SECRETS = `${APP_REGISTRATION} → Certificates & secrets → Client secrets`;
export const CERTIFICATES = `${APP_REGISTRATION} → Certificates & secrets → Certificates`;
export const AUTHENTICATION = `${APP_REGISTRATION} → Authentication`;
/** Where Microsoft's error reference sends readers to "open a support ticket" (needs Service Support Administrator). */
export const SUPPORT_REQUEST = `${ENTRA} → Learn & support → New support request`;
export const GRANT_CONSENT = "Grant admin consent for <your organization> → Yes";
export const M365_USERS = "Microsoft 365 admin center (admin.microsoft.com) → Users → Active users";
export const EXCHANGE_MAILBOXES = "Exchange admin center (admin.exchange.microsoft.com) → Recipients → Mailboxes";
export const DEFENDER_RESTRICTED =
  "Microsoft Defender portal (security.microsoft.com) → Email & collaboration → Review → Restricted entities";
export const EXO_POWERSHELL = "Exchange Online PowerShell (Connect-ExchangeOnline)";

/** The steps that put Mail.Send (application) on an app and consent to it; several fixes use them. */
export const ADD_MAIL_SEND =
  `${API_PERMISSIONS}. If Mail.Send of type Application is not listed, select Add a permission → Microsoft Graph → ` +
  `Application permissions → Mail.Send → Add permissions. Then select ${GRANT_CONSENT} and wait until the Status ` +
  "column shows a green check mark (usually a few minutes) before testing again.";
