// Test harness: the simulator's Streamable HTTP MCP endpoint protected by an
// OAuth 2.1 authorization server on 127.0.0.1. The protocol side (metadata,
// registration, authorize, token, bearer check, PKCE verification) is the
// SDK's own server code (mcpAuthRouter, requireBearerAuth); the provider
// below only keeps clients, codes and tokens, on a clock the test controls,
// so a test can expire an access token, rotate refresh tokens, revoke
// everything, refuse a sign-in, or answer 401 to any token. express comes
// with the SDK; its types do not, so the few calls made on it are typed here.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OAuthRegisteredClientsStore } from "@modelcontextprotocol/sdk/server/auth/clients.js";
import { InvalidGrantError, InvalidRequestError, InvalidTokenError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { AuthorizationParams, OAuthServerProvider } from "@modelcontextprotocol/sdk/server/auth/provider.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import { getOAuthProtectedResourceMetadataUrl, mcpAuthRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { OAuthClientInformationFull, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { ManualClock } from "../../src/simulator/clock.js";
import { buildServer } from "../../src/simulator/mcp-server.js";
import { Platform } from "../../src/simulator/platform.js";

type Handler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
interface App extends Handler {
  use(handler: unknown): void;
  all(path: string, ...handlers: unknown[]): void;
}
/** The part of express's Response the provider uses. */
interface RedirectResponse {
  redirect(url: string): void;
}

export interface AuthServerOptions {
  /** Seconds an access token lasts; undefined: the token answer gives no expires_in (it still expires after a day). */
  readonly accessTtlS?: number;
  /** Issue refresh tokens (rotated on every use). Default true. */
  readonly refreshTokens?: boolean;
  /** The server's clock, shared with the client under test (ms since the epoch). */
  readonly now?: () => number;
  /** The simulated platform's clock (a test moves it to make runs progress). */
  readonly platformClock?: ManualClock;
  /** The platform to serve instead of a new one (e.g. one shared through a state file with a stdio simulator). */
  readonly platform?: Platform;
}

export interface AuthCounts {
  registrations: number;
  authorizations: number;
  codeExchanges: number;
  refreshes: number;
  refusedRefreshes: number;
  /** MCP requests refused with 401. */
  refusedRequests: number;
  /** MCP requests let through. */
  acceptedRequests: number;
}

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
  readonly resource?: URL;
}

const UNSTATED_TTL_S = 86_400;

/** Clients, codes and tokens of the test authorization server. */
class TestAuthProvider implements OAuthServerProvider {
  readonly counts: AuthCounts = { registrations: 0, authorizations: 0, codeExchanges: 0, refreshes: 0, refusedRefreshes: 0, refusedRequests: 0, acceptedRequests: 0 };
  /** Every token issued (access and refresh), to check none is ever printed. */
  readonly issued: string[] = [];
  /** The user refuses the consent screen. */
  deny = false;
  /** Every access token is refused (the server answers 401 whatever is sent). */
  refuseAll = false;
  private readonly clients = new Map<string, OAuthClientInformationFull>();
  private readonly codes = new Map<string, { clientId: string; params: AuthorizationParams }>();
  private readonly access = new Map<string, IssuedToken>();
  private readonly refresh = new Map<string, { clientId: string; resource?: URL }>();

  constructor(private readonly options: AuthServerOptions & { now: () => number }) {}

  readonly clientsStore: OAuthRegisteredClientsStore = {
    getClient: (id) => this.clients.get(id),
    registerClient: (client) => {
      this.counts.registrations += 1;
      const full = client as OAuthClientInformationFull;
      this.clients.set(full.client_id, full);
      return full;
    },
  };

  async authorize(client: OAuthClientInformationFull, params: AuthorizationParams, res: unknown): Promise<void> {
    this.counts.authorizations += 1;
    if (!client.redirect_uris.includes(params.redirectUri)) throw new InvalidRequestError("unregistered redirect_uri");
    const target = new URL(params.redirectUri);
    if (params.state !== undefined) target.searchParams.set("state", params.state);
    if (this.deny) {
      target.searchParams.set("error", "access_denied");
    } else {
      const code = randomUUID();
      this.codes.set(code, { clientId: client.client_id, params });
      target.searchParams.set("code", code);
    }
    (res as RedirectResponse).redirect(target.href);
  }

  async challengeForAuthorizationCode(_client: OAuthClientInformationFull, code: string): Promise<string> {
    const found = this.codes.get(code);
    if (!found) throw new InvalidGrantError("unknown authorization code");
    return found.params.codeChallenge;
  }

  async exchangeAuthorizationCode(client: OAuthClientInformationFull, code: string): Promise<OAuthTokens> {
    const found = this.codes.get(code);
    if (!found || found.clientId !== client.client_id) throw new InvalidGrantError("unknown authorization code");
    this.codes.delete(code);
    this.counts.codeExchanges += 1;
    return this.issue(client.client_id, found.params.resource);
  }

  async exchangeRefreshToken(client: OAuthClientInformationFull, token: string): Promise<OAuthTokens> {
    const found = this.refresh.get(token);
    if (!found || found.clientId !== client.client_id) {
      this.counts.refusedRefreshes += 1;
      throw new InvalidGrantError("unknown or used refresh token");
    }
    this.refresh.delete(token);
    this.counts.refreshes += 1;
    return this.issue(client.client_id, found.resource);
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const found = this.access.get(token);
    if (this.refuseAll || !found || found.expiresAt <= this.options.now()) {
      this.counts.refusedRequests += 1;
      throw new InvalidTokenError(found ? "expired access token" : "unknown access token");
    }
    this.counts.acceptedRequests += 1;
    // The bearer middleware compares expiresAt with the real clock; this provider has checked the test's.
    return { token, clientId: found.clientId, scopes: [], expiresAt: Math.floor(Date.now() / 1000) + 3600, ...(found.resource ? { resource: found.resource } : {}) };
  }

  /** The server forgets every token (a revocation, a password change). */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  /** The server forgets the registered clients (a reset on the provider's side). */
  forgetClients(): void {
    this.clients.clear();
  }

  private issue(clientId: string, resource: URL | undefined): OAuthTokens {
    const ttl = this.options.accessTtlS;
    const accessToken = `at-${randomUUID()}`;
    this.access.set(accessToken, { clientId, expiresAt: this.options.now() + (ttl ?? UNSTATED_TTL_S) * 1000, ...(resource ? { resource } : {}) });
    this.issued.push(accessToken);
    const tokens: OAuthTokens = { access_token: accessToken, token_type: "bearer", ...(ttl !== undefined ? { expires_in: ttl } : {}) };
    if (this.options.refreshTokens === false) return tokens;
    const refreshToken = `rt-${randomUUID()}`;
    this.refresh.set(refreshToken, { clientId, ...(resource ? { resource } : {}) });
    this.issued.push(refreshToken);
    return { ...tokens, refresh_token: refreshToken };
  }
}

export interface ProtectedSimulator {
  readonly mcpUrl: string;
  /** The simulated OctoPerf behind the bearer check (to start runs without a client). */
  readonly platform: Platform;
  /** Access and refresh tokens the authorization server issued (to check they are never printed). */
  issuedTokens(): string[];
  readonly counts: AuthCounts;
  /** Make the user refuse (true) or accept (false) the consent screen. */
  setDeny(deny: boolean): void;
  /** Answer 401 to every MCP request, whatever token it carries. */
  setRefuseAll(refuse: boolean): void;
  revokeAll(): void;
  forgetClients(): void;
  close(): Promise<void>;
}

/** The simulator behind the test authorization server, on 127.0.0.1. */
export async function startProtectedSimulator(options: AuthServerOptions = {}): Promise<ProtectedSimulator> {
  const express = ((await import("express" as string)) as { default: () => App }).default;
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const mcpUrl = new URL("/mcp", base);
  const provider = new TestAuthProvider({ ...options, now: options.now ?? Date.now });
  const noLimit = { rateLimit: false } as const;
  app.use(
    mcpAuthRouter({
      provider,
      issuerUrl: base,
      resourceServerUrl: mcpUrl,
      scopesSupported: ["mcp:tools"],
      authorizationOptions: noLimit,
      tokenOptions: noLimit,
      clientRegistrationOptions: noLimit,
      revocationOptions: noLimit,
    }),
  );
  const platform = options.platform ?? new Platform({ clock: options.platformClock ?? new ManualClock() });
  app.all(
    "/mcp",
    requireBearerAuth({ verifier: provider, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl) }),
    async (req: IncomingMessage, res: ServerResponse) => {
      const mcp = buildServer({ platform });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on("close", () => {
        void transport.close();
        void mcp.close();
      });
      await mcp.connect(transport);
      await transport.handleRequest(req, res);
    },
  );
  return {
    mcpUrl: mcpUrl.toString(),
    platform,
    issuedTokens: () => [...provider.issued],
    counts: provider.counts,
    setDeny: (deny) => void (provider.deny = deny),
    setRefuseAll: (refuse) => void (provider.refuseAll = refuse),
    revokeAll: () => provider.revokeAll(),
    forgetClients: () => provider.forgetClients(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Plays the user's browser: follows the authorization page's redirect to the loopback. */
export function browser(): { open: (url: URL) => Promise<void>; visits: () => number } {
  let visits = 0;
  return {
    visits: () => visits,
    open: async (url: URL) => {
      visits++;
      const answer = await fetch(url, { redirect: "manual" });
      const location = answer.headers.get("location");
      if (!location) throw new Error(`authorization page answered ${answer.status} without a redirect`);
      await (await fetch(location)).text();
    },
  };
}
