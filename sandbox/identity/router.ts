import type { SandboxContext } from "../core/context";
import type { Endpoint } from "../core/faults";
import { sendJson, type Exchange } from "../core/http";
import { sendIntermediaryAnswer } from "../core/intermediary";
import { authorizeEndpoint } from "./authorize";
import { instanceDiscovery, openIdConfiguration, v2Issuer } from "./discovery";
import { aad, sendAadError, type AadError } from "./errors";
import { sendServiceFault } from "./service-faults";
import { MULTI_TENANT, unknownTenant } from "./tenant-segment";
import { tokenEndpoint } from "./token-endpoint";

const CACHEABLE = { "Cache-Control": "max-age=86400, private", "Access-Control-Allow-Origin": "*" };

type Handler = (ctx: SandboxContext, ex: Exchange, tenant: string) => Promise<void> | void;

interface Route {
  endpoint: Endpoint;
  /** Path after the tenant segment. */
  path: string;
  methods: string[];
  handle: Handler;
}

/** The tenant a discovery document is about; `undefined` for /common and /organizations. */
function discoveryTenant(ctx: SandboxContext, segment: string): { id?: string } | AadError {
  if (MULTI_TENANT.has(segment.toLowerCase())) return {};
  const tenant = ctx.state.findTenant(segment);
  return tenant ? { id: tenant.id } : unknownTenant(segment);
}

const isAadError = (value: object): value is AadError => "error" in value;

const ROUTES: Route[] = [
  {
    endpoint: "openid-configuration",
    path: "v2.0/.well-known/openid-configuration",
    methods: ["GET"],
    handle: (ctx, ex, segment) => {
      const tenant = discoveryTenant(ctx, segment);
      if (isAadError(tenant)) return sendAadError(ex.req, ex.res, tenant, ctx.state.clock.date());
      sendJson(ex.res, 200, tenant.id ? openIdConfiguration(tenant.id) : openIdConfiguration(segment, "{tenantid}"), CACHEABLE);
    },
  },
  {
    endpoint: "keys",
    path: "discovery/v2.0/keys",
    methods: ["GET"],
    handle: (ctx, ex, segment) => {
      const tenant = discoveryTenant(ctx, segment);
      if (isAadError(tenant)) return sendAadError(ex.req, ex.res, tenant, ctx.state.clock.date());
      sendJson(ex.res, 200, ctx.keys.jwks(tenant.id && v2Issuer(tenant.id)), CACHEABLE);
    },
  },
  {
    endpoint: "instance-discovery",
    path: "discovery/instance",
    methods: ["GET"],
    handle: (ctx, ex) => {
      const body = instanceDiscovery(ex.url.searchParams.get("authorization_endpoint"));
      if (!body) return sendAadError(ex.req, ex.res, aad.invalidInstance(), ctx.state.clock.date());
      sendJson(ex.res, 200, body, CACHEABLE);
    },
  },
  { endpoint: "token", path: "oauth2/v2.0/token", methods: ["POST"], handle: tokenEndpoint },
  { endpoint: "authorize", path: "oauth2/v2.0/authorize", methods: ["GET", "POST"], handle: authorizeEndpoint },
];

/** Serves `https://login.microsoftonline.com/{tenant}/...`, reached as `${sandbox}/login.microsoftonline.com/...`. */
export async function identityRouter(ctx: SandboxContext, ex: Exchange): Promise<boolean> {
  const [tenant, ...rest] = ex.path;
  const route = tenant ? ROUTES.find((r) => r.path.toLowerCase() === rest.join("/").toLowerCase()) : undefined;
  if (!route || !tenant) return false;
  const method = ex.req.method ?? "GET";
  if (!route.methods.includes(method)) {
    if (route.endpoint !== "token") return false;
    sendAadError(ex.req, ex.res, aad.postOnly(method), ctx.state.clock.date());
    return true;
  }
  const fault = await ctx.state.faults.apply(route.endpoint);
  if (fault.kind === "hang") return true;
  if (fault.kind === "intermediary") {
    sendIntermediaryAnswer(ex.res, fault);
    return true;
  }
  if (fault.kind === "fail") {
    sendServiceFault(ex.req, ex.res, fault, ctx.state.clock.date());
    return true;
  }
  await route.handle(ctx, ex, tenant);
  return true;
}
