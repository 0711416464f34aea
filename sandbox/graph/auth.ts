import type { IncomingMessage } from "node:http";
import { errors as joseErrors, jwtVerify } from "jose";
import type { SandboxContext } from "../core/context";
import type { Application, User } from "../core/schema";
import type { DirectoryTenant } from "../core/state";
import { GRAPH_APP_ID, GRAPH_RESOURCE, includesScope } from "../identity/scopes";
import { graphTokenIssuer } from "../identity/tokens";
import { graph, type GraphError } from "./errors";

export type Principal =
  | { kind: "app"; tenant: DirectoryTenant; app: Application; permissions: string[] }
  | { kind: "user"; tenant: DirectoryTenant; app: Application; user: User; permissions: string[] };

export type Authentication = { ok: true; principal: Principal } | { ok: false; error: GraphError };

const invalid = (message: string): Authentication => ({ ok: false, error: graph.invalidToken(message) });

/**
 * Graph's own checks on a bearer token: signature, lifetime, audience. What the token may do is decided
 * per request from `roles` (app-only) or `scp` (delegated), never from the app registration — and, for mail,
 * from the tenant's Exchange role assignments as well (mailbox-access.ts).
 */
export async function authenticate(ctx: SandboxContext, req: IncomingMessage): Promise<Authentication> {
  const header = req.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!token) return invalid("Access token is empty.");

  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, ctx.keys.publicKey, {
      algorithms: ["RS256"],
      audience: [GRAPH_RESOURCE, GRAPH_APP_ID],
      currentDate: ctx.state.clock.date(),
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return invalid("Access token has expired or is not yet valid.");
    if (err instanceof joseErrors.JWTClaimValidationFailed) {
      if (err.claim === "aud") return invalid("Access token validation failure. Invalid audience.");
      if (err.claim === "nbf") return invalid("Access token has expired or is not yet valid.");
    }
    return invalid("Access token validation failure.");
  }

  const tenant = ctx.state.findTenant(String(payload.tid ?? ""));
  const app = tenant && ctx.state.findApplication(tenant, String(payload.appid ?? ""));
  if (!tenant || !app || payload.iss !== graphTokenIssuer(tenant.id)) return invalid("Access token validation failure.");

  if (payload.idtyp === "user") {
    const user = tenant.users.find((u) => u.id === payload.oid);
    if (!user) return invalid("Access token validation failure.");
    return { ok: true, principal: { kind: "user", tenant, app, user, permissions: String(payload.scp ?? "").split(" ").filter(Boolean) } };
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  return { ok: true, principal: { kind: "app", tenant, app, permissions: roles } };
}

/** Least-privileged permission sets per API, from each API's "Permissions" table on learn.microsoft.com/graph/api. */
export interface PermissionRule {
  application: string[];
  delegated: string[];
}

export const allows = (p: Principal, rule: PermissionRule): boolean =>
  (p.kind === "app" ? rule.application : rule.delegated).some((name) => includesScope(p.permissions, name));
