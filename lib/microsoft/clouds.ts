/**
 * Where each Microsoft cloud lives. Entra hosts: https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud
 * (China's current authority is login.partner.microsoftonline.cn; login.chinacloudapi.cn is its alias in
 * MSAL's instance metadata). Graph hosts and the GCC High / DoD split: https://learn.microsoft.com/graph/deployments
 * — Microsoft 365 GCC (moderate) tenants use the global endpoints.
 * The sandbox answers to the global hosts: its connections differ only by the URL rewrite in transport.ts.
 */
export const CLOUDS = {
  global: { label: "Microsoft 365 (worldwide, incl. GCC)", authorityHost: "login.microsoftonline.com", graphHost: "graph.microsoft.com" },
  usgov: { label: "US Government GCC High", authorityHost: "login.microsoftonline.us", graphHost: "graph.microsoft.us" },
  usgovdod: { label: "US Government DoD", authorityHost: "login.microsoftonline.us", graphHost: "dod-graph.microsoft.us" },
  china: { label: "China (operated by 21Vianet)", authorityHost: "login.partner.microsoftonline.cn", graphHost: "microsoftgraph.chinacloudapi.cn" },
  sandbox: { label: "Sandbox (local emulator)", authorityHost: "login.microsoftonline.com", graphHost: "graph.microsoft.com" },
} as const;

export type CloudId = keyof typeof CLOUDS;
export type Cloud = (typeof CLOUDS)[CloudId];

export const CLOUD_IDS = Object.keys(CLOUDS) as [CloudId, ...CloudId[]];

export const authorityUrl = (cloud: CloudId, tenant: string): string => `https://${CLOUDS[cloud].authorityHost}/${tenant}`;

export const graphBaseUrl = (cloud: CloudId): string => `https://${CLOUDS[cloud].graphHost}`;

/** App-only tokens ask for every consented application permission on Graph: "{resource}/.default". */
export const graphAppScope = (cloud: CloudId): string => `${graphBaseUrl(cloud)}/.default`;
