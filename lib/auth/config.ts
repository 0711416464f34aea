import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { cookies, headers } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { signInSchema } from "@/lib/auth/schemas";
import { clientIp } from "./request-meta";
import { resolveAuthSecret } from "./secret";
import { createSession, endSession, findActiveSession, SESSION_MAX_AGE_SECONDS, type SignInMethod } from "./sessions";
import { authenticate } from "./users";
import { decideMicrosoftSignIn, microsoftVouchesForEmail } from "./microsoft/linking";
import { microsoftProvider, microsoftSignInSettings, MICROSOFT_PROVIDER_ID, sameSiteRedirect } from "./microsoft/provider";
import { hasSessionCookie, startMicrosoftSession } from "./microsoft/session";
import { verifyEmailByLink } from "./verify-email";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    sessionToken: string;
    /** Signed in with the first factor only: see lib/auth/current-user.ts. */
    secondFactorPending: boolean;
  }
  interface User {
    sessionToken?: string;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

class TooManyAttempts extends CredentialsSignin {
  constructor(retryAfterMinutes: number) {
    super();
    this.code = `rate_limited_${retryAfterMinutes}`;
  }
}

class EmailLinkRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

/** The user Auth.js keeps once a credential is accepted: its server-side session, owing a code when two-factor is on. */
async function withSession(
  { twoFactorEnabled, ...user }: { id: string; email: string; name: string | null; twoFactorEnabled: boolean },
  request: Request,
  method: SignInMethod,
) {
  const sessionToken = await createSession(user.id, {
    ipAddress: clientIp(request.headers),
    userAgent: request.headers.get("user-agent") ?? undefined,
    method,
    secondFactorPending: twoFactorEnabled,
  });
  return { ...user, sessionToken };
}

/** Sign in with Microsoft, when configured (lib/auth/microsoft/provider.ts). */
function microsoftProviders() {
  const settings = microsoftSignInSettings();
  return settings ? [microsoftProvider(settings)] : [];
}

// A function config is read on first use, so `next build` needs no secret; `npm start` checks it first.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: PrismaAdapter(db),
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Errors too: a refused or failed Microsoft sign-in is explained on the sign-in page, not on Auth.js's own.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (!result.ok) {
          throw result.reason === "rate_limited" ? new TooManyAttempts(result.retryAfterMinutes) : new InvalidCredentials();
        }
        return withSession(result.user, request, "password");
      },
    }),
    // The verification link signs its person in (lib/auth/verify-email.ts): the mailed link is the credential.
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      async authorize(credentials, request) {
        const token = typeof credentials.token === "string" ? credentials.token : "";
        const result = token ? await verifyEmailByLink(token) : { ok: false as const, reason: "invalid_link" as const };
        if (!result.ok) throw new EmailLinkRefused(result.reason);
        return withSession(result.user, request, "email_link");
      },
    }),
    ...microsoftProviders(),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== MICROSOFT_PROVIDER_ID) return true;
      // Auth.js would link the Microsoft account to whoever a leftover session cookie names, even one whose session
      // has ended or still owes its second factor; the button signs the browser out first (microsoft-action.ts).
      if (hasSessionCookie((await cookies()).getAll().map((c) => c.name))) return "/sign-in?microsoft=session_present";
      const decision = await decideMicrosoftSignIn(MICROSOFT_PROVIDER_ID, {
        providerAccountId: account.providerAccountId,
        email: profile?.email,
        emailVouched: microsoftVouchesForEmail(profile),
      });
      return decision.ok || `/sign-in?microsoft=${decision.reason}`;
    },
    redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
    async jwt({ token, user, account, isNewUser }) {
      if (account?.provider === MICROSOFT_PROVIDER_ID && user?.id) {
        token.sid = await startMicrosoftSession(user.id, isNewUser === true, await headers());
        token.sub = user.id;
        return token;
      }
      if (user?.sessionToken) {
        token.sid = user.sessionToken;
        token.sub = user.id;
        return token;
      }
      // Returning null clears the cookie: the server-side record is the source of truth.
      if (typeof token.sid !== "string") return null;
      const session = await findActiveSession(token.sid);
      if (!session || session.userId !== token.sub) return null;
      token.pending = session.secondFactorPending;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub as string;
      session.sessionToken = token.sid as string;
      session.secondFactorPending = token.pending === true;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
  logger: {
    error(error) {
      // A refused sign-in is an expected outcome, not a server error.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
  },
}));
