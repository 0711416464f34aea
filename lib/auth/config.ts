import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { signInSchema } from "@/lib/auth/schemas";
import { clientIp } from "./request-meta";
import { resolveAuthSecret } from "./secret";
import { createSession, endSession, findActiveSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { authenticate } from "./users";

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

// A function config is read on first use, so `next build` needs no secret; `npm start` checks it first.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: PrismaAdapter(db),
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const ipAddress = clientIp(request.headers);
        const result = await authenticate(parsed.data.email, parsed.data.password, ipAddress);
        if (!result.ok) {
          throw result.reason === "rate_limited" ? new TooManyAttempts(result.retryAfterMinutes) : new InvalidCredentials();
        }
        const { twoFactorEnabled, ...user } = result.user;
        const sessionToken = await createSession(user.id, {
          ipAddress,
          userAgent: request.headers.get("user-agent") ?? undefined,
          method: "password",
          secondFactorPending: twoFactorEnabled,
        });
        return { ...user, sessionToken };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
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
