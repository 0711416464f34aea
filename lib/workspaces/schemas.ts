import { z } from "zod";
import { localeSchema, timeZoneSchema } from "@/lib/format/preferences";
import { emailSchema } from "@/lib/validation/email";
import { recordId } from "@/lib/validation/ids";
import { displayName } from "@/lib/validation/text";
import { ROLES } from "./roles";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "A slug has at least 2 characters.")
  .max(40, "A slug has at most 40 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit.");

export const environmentSchema = z.enum(["TEST", "PRODUCTION"], {
  error: "Choose Test or Production.",
});

export const roleSchema = z.enum(ROLES, { error: "Choose a role: Owner, Admin, Member or Viewer." });

export const workspaceNameSchema = displayName("workspace name", 60);

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  slug: z.preprocess((v) => (v === "" ? undefined : v), slugSchema.optional()),
  environment: environmentSchema,
});

export const updateWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  environment: environmentSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
});

/** Where status changes are POSTed: http(s) only, and no credentials in the URL (it is shown on the settings page). */
export const webhookSchema = z.object({
  url: z
    .string({ error: "Enter the URL that receives the calls." })
    .trim()
    .min(1, "Enter the URL that receives the calls.")
    .max(2_000, "A webhook URL has at most 2,000 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a full http:// or https:// URL, such as https://hooks.example.com/forge365." }))
    .refine((url) => !URL.canParse(url) || !/^[^:]+:\/\/[^/]*@/.test(url), "Put no user name or password in the URL; check the signature instead."),
  regenerate: z.preprocess((v) => v === "on", z.boolean()),
});

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const changeRoleSchema = z.object({ membershipId: recordId, role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: recordId });
export const revokeInvitationSchema = z.object({ invitationId: recordId });

/** Query string of the Workspaces page; anything malformed falls back to "no filter". */
export const workspaceQuerySchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** Settings' two-factor section: two buttons, each naming the state it sets. */
export const twoFactorRequirementSchema = z.object({
  requireTwoFactor: z.enum(["on", "off"], { error: "Choose whether members need two-factor sign-in." }).transform((v) => v === "on"),
});
