import { z } from "zod";
import type { SandboxContext } from "../core/context";
import { faultSchema } from "../core/faults";
import { matchPath, readBody, sendJson, type Exchange } from "../core/http";
import { guid, newSecretValue, secretHint } from "../core/ids";
import {
  accessPolicySchema,
  applicationSchema,
  certificateSchema,
  outboundBlockSchema,
  permissionSchema,
  roleAssignmentSchema,
  tenantSchema,
  userConsentSchema,
  userSchema,
  type Application,
} from "../core/schema";
import { normalizeApplication, normalizeUser, type DirectoryTenant } from "../core/state";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new ControlError(404, `${what} not found`);

interface Call {
  ctx: SandboxContext;
  params: Record<string, string>;
  query: URLSearchParams;
  json: () => Promise<unknown>;
}

interface Route {
  method: string;
  pattern: string;
  handle: (call: Call) => Promise<[number, unknown]> | [number, unknown];
}

function tenantOf({ ctx, params }: Call): DirectoryTenant {
  const tenant = ctx.state.tenants.find((t) => t.id.toLowerCase() === params.tenantId.toLowerCase());
  if (!tenant) throw notFound(`tenant ${params.tenantId}`);
  return tenant;
}

function appOf(call: Call): Application {
  const tenant = tenantOf(call);
  const app = call.ctx.state.findApplication(tenant, call.params.appId);
  if (!app) throw notFound(`application ${call.params.appId}`);
  return app;
}

/** What the admin portal would show: secret hints and expiry, never values. */
function describeApplication(app: Application) {
  const { secrets, ...rest } = app;
  return {
    ...rest,
    secrets: secrets.map(({ value, ...s }) => ({ ...s, hint: secretHint(value) })),
  };
}

const addSecretSchema = z.object({
  displayName: z.string().default(""),
  value: z.string().min(16).optional(),
  startDateTime: z.iso.datetime({ offset: true }).optional(),
  endDateTime: z.iso.datetime({ offset: true }).optional(),
});

// Spelled out rather than derived with .partial(): zod 4 would still fill in the fixture schema's defaults
// and a PATCH of one field would reset the others.
const patchApplicationSchema = z
  .object({
    displayName: z.string().min(1),
    enabled: z.boolean(),
    conditionalAccessBlocked: z.boolean(),
    redirectUris: z.array(z.url()),
    applicationPermissions: z.array(permissionSchema),
    delegatedPermissions: z.array(permissionSchema),
    userConsents: z.array(userConsentSchema),
  })
  .partial();

const patchUserSchema = z
  .object({
    displayName: z.string().min(1),
    password: z.string().min(1),
    accountEnabled: z.boolean(),
    exchangeLicensed: z.boolean(),
    userType: z.enum(["Member", "Guest"]),
    sendAs: z.array(z.email()),
    restrictedSender: z.boolean(),
  })
  .partial();

const patchTenantSchema = z.object({ outboundBlock: outboundBlockSchema.nullable() }).partial();

const limitsPatchSchema = z
  .object({
    mailboxConcurrency: z.number().int().positive(),
    messagesPerMinute: z.number().int().positive(),
    recipientsPerDay: z.number().int().positive(),
    maxMessageSizeBytes: z.number().int().positive(),
    ndrDelaySeconds: z.number().int().min(0),
  })
  .partial();

const clockSchema = z.object({ advanceSeconds: z.number().int().positive() });

const ROUTES: Route[] = [
  {
    method: "GET",
    pattern: "state",
    handle: ({ ctx }) => [
      200,
      {
        tenants: ctx.state.tenants.map((t) => ({
          ...t,
          applications: t.applications.map(describeApplication),
          users: t.users.map(({ password: _, ...u }) => u),
        })),
        limits: ctx.state.limits,
        faults: ctx.state.faults.list(),
        now: ctx.state.clock.date().toISOString(),
      },
    ],
  },
  {
    method: "POST",
    pattern: "reset",
    handle: ({ ctx }) => {
      ctx.state.reset();
      return [204, undefined];
    },
  },
  {
    method: "POST",
    pattern: "tenants",
    handle: async ({ ctx, json }) => {
      const tenant = tenantSchema.parse(await json());
      if (ctx.state.tenants.some((t) => t.id.toLowerCase() === tenant.id.toLowerCase())) throw new ControlError(409, "tenant exists");
      const created = ctx.state.addTenant(tenant);
      return [201, { ...created, applications: created.applications.map(describeApplication) }];
    },
  },
  {
    method: "PATCH",
    pattern: "tenants/:tenantId",
    handle: async (call) => {
      const tenant = tenantOf(call);
      Object.assign(tenant, patchTenantSchema.parse(await call.json()));
      return [200, { id: tenant.id, outboundBlock: tenant.outboundBlock }];
    },
  },
  {
    method: "POST",
    pattern: "tenants/:tenantId/applications",
    handle: async (call) => {
      const tenant = tenantOf(call);
      const input = applicationSchema.parse(await call.json());
      if (call.ctx.state.findApplication(tenant, input.appId)) throw new ControlError(409, "application exists");
      const app = normalizeApplication(tenant.id, input);
      tenant.applications.push(app);
      return [201, describeApplication(app)];
    },
  },
  {
    method: "PATCH",
    pattern: "tenants/:tenantId/applications/:appId",
    handle: async (call) => {
      const app = appOf(call);
      Object.assign(app, patchApplicationSchema.parse(await call.json()));
      return [200, describeApplication(app)];
    },
  },
  {
    // Like Graph's addPassword, the value is returned once, here, and never again.
    method: "POST",
    pattern: "tenants/:tenantId/applications/:appId/secrets",
    handle: async (call) => {
      const app = appOf(call);
      const input = addSecretSchema.parse(await call.json());
      const now = call.ctx.state.clock.date();
      const value = input.value ?? newSecretValue();
      const secret = {
        keyId: guid(),
        displayName: input.displayName,
        value,
        startDateTime: input.startDateTime ?? now.toISOString(),
        endDateTime: input.endDateTime ?? new Date(now.getTime() + 180 * 24 * 3600 * 1000).toISOString(),
      };
      app.secrets.push(secret);
      const { value: secretText, ...rest } = secret;
      return [201, { ...rest, hint: secretHint(secretText), secretText }];
    },
  },
  {
    method: "POST",
    pattern: "tenants/:tenantId/applications/:appId/certificates",
    handle: async (call) => {
      const app = appOf(call);
      const certificate = certificateSchema.parse(await call.json());
      app.certificates.push(certificate);
      return [201, certificate];
    },
  },
  {
    method: "POST",
    pattern: "tenants/:tenantId/users",
    handle: async (call) => {
      const tenant = tenantOf(call);
      const user = normalizeUser(tenant.id, userSchema.parse(await call.json()));
      if (call.ctx.state.findUser(tenant, user.userPrincipalName)) throw new ControlError(409, "user exists");
      tenant.users.push(user);
      const { password: _, ...visible } = user;
      return [201, visible];
    },
  },
  {
    method: "PATCH",
    pattern: "tenants/:tenantId/users/:userId",
    handle: async (call) => {
      const user = call.ctx.state.findUser(tenantOf(call), call.params.userId);
      if (!user) throw notFound(`user ${call.params.userId}`);
      Object.assign(user, patchUserSchema.parse(await call.json()));
      const { password: _, ...visible } = user;
      return [200, visible];
    },
  },
  {
    // Graph's revokeSignInSessions: refresh tokens granted before now fail with AADSTS50173.
    method: "POST",
    pattern: "tenants/:tenantId/users/:userId/revoke-sessions",
    handle: (call) => {
      const user = call.ctx.state.findUser(tenantOf(call), call.params.userId);
      if (!user) throw notFound(`user ${call.params.userId}`);
      call.ctx.state.tokensValidFrom.set(user.id, call.ctx.state.clock.now());
      return [204, undefined];
    },
  },
  {
    method: "POST",
    pattern: "tenants/:tenantId/application-access-policies",
    handle: async (call) => {
      const tenant = tenantOf(call);
      const policy = accessPolicySchema.parse(await call.json());
      tenant.applicationAccessPolicies.push(policy);
      return [201, policy];
    },
  },
  {
    // Exchange's New-ManagementRoleAssignment -App … -Role "Application …" [-CustomResourceScope …]
    method: "POST",
    pattern: "tenants/:tenantId/role-assignments",
    handle: async (call) => {
      const tenant = tenantOf(call);
      const assignment = roleAssignmentSchema.parse(await call.json());
      if (tenant.roleAssignments.some((a) => a.name.toLowerCase() === assignment.name.toLowerCase())) throw new ControlError(409, "role assignment exists");
      tenant.roleAssignments.push(assignment);
      return [201, assignment];
    },
  },
  {
    method: "DELETE",
    pattern: "tenants/:tenantId/role-assignments/:name",
    handle: (call) => {
      const tenant = tenantOf(call);
      const index = tenant.roleAssignments.findIndex((a) => a.name.toLowerCase() === call.params.name.toLowerCase());
      if (index < 0) throw notFound(`role assignment ${call.params.name}`);
      tenant.roleAssignments.splice(index, 1);
      return [204, undefined];
    },
  },
  {
    method: "PUT",
    pattern: "faults",
    handle: async ({ ctx, json }) => {
      const fault = faultSchema.parse(await json());
      ctx.state.faults.set(fault);
      return [200, fault];
    },
  },
  {
    method: "DELETE",
    pattern: "faults",
    handle: ({ ctx }) => {
      ctx.state.faults.clear();
      return [204, undefined];
    },
  },
  {
    method: "PUT",
    pattern: "limits",
    handle: async ({ ctx, json }) => {
      ctx.state.limits = { ...ctx.state.limits, ...limitsPatchSchema.parse(await json()) };
      return [200, ctx.state.limits];
    },
  },
  {
    method: "POST",
    pattern: "clock",
    handle: async ({ ctx, json }) => {
      ctx.state.clock.advance(clockSchema.parse(await json()).advanceSeconds);
      return [200, { now: ctx.state.clock.date().toISOString() }];
    },
  },
  {
    method: "GET",
    pattern: "mail",
    handle: ({ ctx, query }) => {
      const mailbox = query.get("mailbox");
      const owner = mailbox ? ctx.state.findMailbox(mailbox)?.user : undefined;
      if (mailbox && !owner) throw notFound(`mailbox ${mailbox}`);
      const folder = query.get("folder") ?? "inbox";
      const now = ctx.state.clock.now();
      // What has arrived by now, in arrival order; mail Exchange is still holding back is not there yet.
      const messages = ctx.state.messages
        .filter((m) => m.folder === folder && (!owner || m.ownerId === owner.id) && m.visibleAt <= now)
        .map((m) => ({ ...m, owner: ctx.state.findUserById(m.ownerId)?.user.userPrincipalName }));
      return [200, { messages }];
    },
  },
  { method: "GET", pattern: "sent", handle: ({ ctx }) => [200, { sent: ctx.state.sent }] },
  { method: "GET", pattern: "concurrency", handle: ({ ctx }) => [200, { mailboxes: ctx.state.gate.stats() }] },
];

/** The sandbox's own JSON API under /_sandbox/: set up scenarios and read back what happened. */
export async function controlApi(ctx: SandboxContext, ex: Exchange): Promise<void> {
  const method = ex.req.method ?? "GET";
  for (const route of ROUTES) {
    const params = route.method === method ? matchPath(route.pattern.split("/"), ex.path) : undefined;
    if (!params) continue;
    try {
      const json = async () => {
        const text = await readBody(ex.req);
        try {
          return text ? JSON.parse(text) : {};
        } catch {
          throw new ControlError(400, "body is not JSON");
        }
      };
      const [status, body] = await route.handle({ ctx, params, query: ex.url.searchParams, json });
      if (body === undefined) {
        ex.res.writeHead(status).end();
        return;
      }
      return sendJson(ex.res, status, body);
    } catch (err) {
      if (err instanceof z.ZodError) return sendJson(ex.res, 400, { error: "invalid_body", issues: err.issues });
      if (err instanceof ControlError) return sendJson(ex.res, err.status, { error: err.message });
      throw err;
    }
  }
  sendJson(ex.res, 404, { error: `no control endpoint ${method} /_sandbox/${ex.path.join("/")}` });
}
