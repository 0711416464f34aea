import { includesScope } from "../identity/scopes";
import { pairwiseSubject, userEmail } from "../identity/tokens";
import type { Principal } from "./auth";
import type { GraphResult } from "./directory";
import { graph, type GraphError } from "./errors";

/**
 * GET|POST https://graph.microsoft.com/oidc/userinfo, the discovery document's userinfo_endpoint
 * (https://learn.microsoft.com/entra/identity-platform/userinfo): "the name claims, subject claim, and email when
 * available and consented to", for a delegated token that carries `openid`; `profile` and `email` add the rest. `sub`
 * is the ID token's own pairwise value, as OpenID Connect Core §5.3.2 requires. Graph answers it as an API of its own,
 * outside /v1.0 and /beta, with the sample response's fields.
 */
export function userInfo(principal: Principal): GraphResult | GraphError {
  if (principal.kind !== "user") return graph.meRequiresUser();
  const { app, user, permissions } = principal;
  if (!includesScope(permissions, "openid")) return graph.noPermissionsInToken();
  const profile = includesScope(permissions, "profile");
  const body = {
    sub: pairwiseSubject(app, user),
    ...(profile ? { name: user.displayName, family_name: user.surname ?? undefined, given_name: user.givenName ?? undefined } : {}),
    ...(profile ? { picture: "https://graph.microsoft.com/v1.0/me/photo/$value" } : {}),
    ...(includesScope(permissions, "email") ? { email: userEmail(user) } : {}),
  };
  return { status: 200, body };
}
