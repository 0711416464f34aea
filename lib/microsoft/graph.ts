import {
  AuthenticationHandler,
  Client,
  GraphClientError,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { graphBaseUrl, type CloudId } from "./clouds";
import { IntermediaryAnswerError } from "./intermediary";
import type { Fetch } from "./transport";

export interface GraphClientOptions {
  /** Acquired beforehand (msal.ts): a token failure inside the auth provider would reach us as an opaque GraphError. */
  accessToken: string;
  fetch: Fetch;
  cloud: CloudId;
  /** Defaults to the SDK's: 3 retries of 429/503/504, honouring Retry-After. */
  retry?: RetryHandlerOptions;
}

/** Replaces the SDK's HTTPMessageHandler, which would call the global fetch. */
class FetchHandler implements Middleware {
  constructor(private readonly fetch: Fetch) {}

  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.fetch(context.request, context.options as RequestInit);
    } catch (err) {
      // The SDK passes a GraphClientError on as it is and rebuilds any other error as a GraphError that keeps
      // only its name and message (GraphRequest.send, GraphErrorHandler.constructError); as the cause of one,
      // what the transport found about an answer that was not Microsoft's reaches the diagnosis whole.
      throw err instanceof IntermediaryAnswerError ? Object.assign(new GraphClientError(err.message), { cause: err }) : err;
    }
  }
}

/** The SDK's default middleware chain (MiddlewareFactory.getDefaultMiddlewareChain) ending in our fetch. */
export function createGraphClient({ accessToken, fetch, cloud, retry }: GraphClientOptions): Client {
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl(cloud),
    middleware: [
      new AuthenticationHandler({ getAccessToken: async () => accessToken }),
      new RetryHandler(retry ?? new RetryHandlerOptions()),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new FetchHandler(fetch),
    ],
  });
}
