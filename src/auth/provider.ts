// The SDK's OAuthClientProvider, two ways. The SDK runs the protocol
// (discovery, registration, PKCE, code exchange, refresh); these only keep
// what it hands over.
// - SignInProvider: one browser sign-in. Registers a client for its loopback
//   redirect, keeps the verifier in memory, and writes the new login to the
//   store only once tokens arrive: a sign-in that fails leaves the old login.
// - StoredLoginProvider: the watcher's. Uses the stored login and refreshes
//   it; it has no way to open a browser or register a client, so when the
//   login is gone or cannot be renewed it throws LoginRequiredError.
import type { OAuthClientProvider, OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { LoginRequiredError } from "./errors.js";
import { CLIENT_NAME } from "./hosted.js";
import type { CredentialStore } from "./store.js";

type Scope = "all" | "client" | "tokens" | "verifier" | "discovery";

function metadataFor(redirect: string): OAuthClientMetadata {
  return {
    client_name: CLIENT_NAME,
    redirect_uris: [redirect],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    // A public client: the secret of a command-line tool is no secret (PKCE protects the code).
    token_endpoint_auth_method: "none",
  };
}

export class SignInProvider implements OAuthClientProvider {
  private client: OAuthClientInformationMixed | undefined;
  private verifier: string | undefined;
  private saved: OAuthTokens | undefined;
  private discovery: OAuthDiscoveryState | undefined;

  constructor(
    private readonly store: CredentialStore,
    private readonly redirect: string,
    /** The `state` the loopback expects back (it refuses any other). */
    private readonly expectedState: string,
    /** Sends the user to the authorization page (the browser, or a test's fetch). */
    private readonly openUrl: (url: URL) => void | Promise<void>,
  ) {}

  get redirectUrl(): string {
    return this.redirect;
  }

  get clientMetadata(): OAuthClientMetadata {
    return metadataFor(this.redirect);
  }

  state(): string {
    return this.expectedState;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  saveClientInformation(client: OAuthClientInformationMixed): void {
    this.client = client;
  }

  /** Only tokens of this sign-in: an old login is replaced, never reused. */
  tokens(): OAuthTokens | undefined {
    return this.saved;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
    const client = this.client;
    const discovery = this.discovery;
    this.store.update((stored) => {
      delete stored.codeVerifier;
      stored.tokens = tokens;
      if (client) stored.client = client;
      if (discovery) stored.discovery = discovery;
      else delete stored.discovery;
    });
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    await this.openUrl(url);
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error("no PKCE code verifier for this sign-in");
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }

  invalidateCredentials(scope: Scope): void {
    if (scope === "all" || scope === "client") this.client = undefined;
    if (scope === "all" || scope === "tokens") this.saved = undefined;
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
    if (scope === "all" || scope === "discovery") this.discovery = undefined;
  }
}

export class StoredLoginProvider implements OAuthClientProvider {
  /** The refresh token and client id last handed to the SDK, to tell our failure from another process's refresh. */
  private handedRefresh: string | undefined;
  private handedClient: string | undefined;

  constructor(private readonly store: CredentialStore) {}

  private required(reason: string): LoginRequiredError {
    return new LoginRequiredError(this.store.serverUrl, reason);
  }

  /** Only used to tell the SDK this is not a client-credentials flow; no redirect ever happens. */
  get redirectUrl(): string {
    const uris = (this.store.read().client as { redirect_uris?: unknown } | undefined)?.redirect_uris;
    return Array.isArray(uris) && typeof uris[0] === "string" ? uris[0] : "http://127.0.0.1/callback";
  }

  get clientMetadata(): OAuthClientMetadata {
    return metadataFor(this.redirectUrl);
  }

  /** No saveClientInformation: the SDK cannot register a new client through this provider. */
  clientInformation(): OAuthClientInformationMixed {
    const client = this.store.read().client;
    if (!client) throw this.required("not signed in");
    this.handedClient = client.client_id;
    return client;
  }

  tokens(): OAuthTokens | undefined {
    const tokens = this.store.read().tokens;
    this.handedRefresh = tokens?.refresh_token;
    return tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.store.update((stored) => {
      // A refresh may omit the refresh token: the one stored stays valid then.
      const keep = tokens.refresh_token === undefined ? stored.tokens?.refresh_token : undefined;
      stored.tokens = keep === undefined ? tokens : { ...tokens, refresh_token: keep };
    });
  }

  /** Reached only when the stored login cannot be used or renewed. */
  redirectToAuthorization(): never {
    throw this.required("the sign-in has expired or was revoked");
  }

  saveCodeVerifier(): never {
    throw this.required("the sign-in has expired or was revoked");
  }

  codeVerifier(): never {
    throw this.required("not signed in");
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.store.update((stored) => void (stored.discovery = state));
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.store.read().discovery;
  }

  /**
   * The server refused what was handed over. Forget it, unless another
   * process has stored something newer meanwhile (it refreshed first with a
   * rotating refresh token): then the SDK's retry uses that.
   */
  invalidateCredentials(scope: Scope): void {
    this.store.update((stored) => {
      const ours = stored.tokens?.refresh_token === this.handedRefresh && stored.client?.client_id === (this.handedClient ?? stored.client?.client_id);
      if (!ours) return;
      if (scope === "all" || scope === "tokens") delete stored.tokens;
      if (scope === "all" || scope === "client") delete stored.client;
      if (scope === "all" || scope === "discovery") delete stored.discovery;
    });
  }
}
