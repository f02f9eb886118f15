// The SDK's OAuthClientProvider for a command-line client: dynamic client
// registration with a loopback redirect, PKCE verifier and tokens kept in the
// token store. The SDK runs the protocol; this only stores and opens.
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { TokenStore } from "./store.js";

export class LoopbackOAuthProvider implements OAuthClientProvider {
  constructor(
    private readonly store: TokenStore,
    private readonly redirect: string,
    /** Sends the user to the authorization page (a browser, or a test's fetch). */
    private readonly openUrl: (url: URL) => void | Promise<void>,
  ) {}

  get redirectUrl(): string {
    return this.redirect;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "octoperf plugin schemas:pull",
      redirect_uris: [this.redirect],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    const client = this.store.read().client;
    // A registration made for another loopback port cannot receive this redirect.
    const uris = (client as { redirect_uris?: string[] } | undefined)?.redirect_uris;
    return client && (!uris || uris.includes(this.redirect)) ? client : undefined;
  }

  saveClientInformation(client: OAuthClientInformationMixed): void {
    this.store.update((stored) => void (stored.client = client));
  }

  tokens(): OAuthTokens | undefined {
    return this.store.read().tokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.store.update((stored) => void (stored.tokens = tokens));
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    await this.openUrl(url);
  }

  saveCodeVerifier(verifier: string): void {
    this.store.update((stored) => void (stored.codeVerifier = verifier));
  }

  codeVerifier(): string {
    const verifier = this.store.read().codeVerifier;
    if (!verifier) throw new Error("no PKCE code verifier saved for this sign-in");
    return verifier;
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    this.store.update((stored) => {
      if (scope === "all" || scope === "client") delete stored.client;
      if (scope === "all" || scope === "tokens") delete stored.tokens;
      if (scope === "all" || scope === "verifier") delete stored.codeVerifier;
    });
  }
}
