import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID } from "@/sandbox/fixtures/demo";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "@/sandbox/index";

export interface SandboxHandle {
  readonly url: string;
  readonly sandbox: RunningSandbox;
  /** Calls the control API and returns its JSON (undefined for 204). */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** An app-only Graph token from a plain client credentials request (the demo app by default). */
  appToken(clientId?: string, clientSecret?: string, tenant?: string): Promise<string>;
}

/** One sandbox per test file on a free port, reset to its fixture before every test. */
export function useSandbox(options: Omit<SandboxOptions, "port"> = {}): SandboxHandle {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ ...options, port: 0 });
  });
  afterAll(() => running?.close());
  beforeEach(() => running?.state.reset());

  const handle: SandboxHandle = {
    get sandbox() {
      if (!running) throw new Error("sandbox not started");
      return running;
    },
    get url() {
      return handle.sandbox.url;
    },
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${handle.url}/_sandbox/${path}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async appToken(clientId = DEMO_CLIENT_ID, clientSecret = DEMO_CLIENT_SECRET, tenant = DEMO_TENANT_ID): Promise<string> {
      const res = await fetch(`${handle.url}/login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "https://graph.microsoft.com/.default" }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`token request failed: ${body.error_description}`);
      return body.access_token;
    },
  };
  return handle;
}

const hidden = (page: string, name: string): string => {
  const match = page.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!match) throw new Error(`no hidden field ${name} on page:\n${page.slice(0, 500)}`);
  return match[1];
};

export interface SignInOptions {
  username: string;
  password: string;
  /** What to press if a consent prompt appears. */
  consent?: "accept" | "cancel";
}

/**
 * Drives the sandbox's sign-in and consent pages the way a browser would, starting from an authorize URL
 * already pointing at the sandbox. Returns the last response: normally the 302 to the redirect URI.
 */
export async function signIn(authorizeUrl: string, { username, password, consent = "accept" }: SignInOptions): Promise<Response> {
  const first = await fetch(authorizeUrl, { redirect: "manual" });
  if (first.status !== 200) return first;
  const page = await first.text();
  const post = (fields: Record<string, string>) =>
    fetch(new URL("authorize", authorizeUrl), { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  const flow = hidden(page, "flow");
  const afterSignIn = await post({ flow, step: "signin", username, password });
  if (afterSignIn.status !== 200) return afterSignIn;
  const next = await afterSignIn.clone().text();
  if (!next.includes('name="step" value="consent"')) return afterSignIn;
  return post({ flow, step: "consent", decision: consent });
}
