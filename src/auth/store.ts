// The stored login for one server: what the SDK's OAuth client hands over
// (client registration, tokens, PKCE verifier, discovery), in a private file,
// plus the metadata file that says signed in or not without any secret.
// Every read goes to disk, so processes that share a login see each other's
// refreshes.
import type { OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { metaOf } from "./login-state.js";
import { loginFiles, normalServerUrl, type LoginFiles } from "./paths.js";
import { privateFolder, readPrivateJson, removeFile, writePrivateJson } from "./private-files.js";

export interface StoredLogin {
  serverUrl?: string;
  client?: OAuthClientInformationMixed;
  tokens?: OAuthTokens;
  codeVerifier?: string;
  discovery?: OAuthDiscoveryState;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keep only the fields whose shape is right; anything else counts as not stored. */
function storedLoginOf(value: unknown): StoredLogin {
  if (!isObject(value)) return {};
  const stored: StoredLogin = {};
  if (typeof value.serverUrl === "string") stored.serverUrl = value.serverUrl;
  if (isObject(value.client) && typeof value.client.client_id === "string") stored.client = value.client as unknown as OAuthClientInformationMixed;
  if (isObject(value.tokens) && typeof value.tokens.access_token === "string") stored.tokens = value.tokens as unknown as OAuthTokens;
  if (typeof value.codeVerifier === "string") stored.codeVerifier = value.codeVerifier;
  if (isObject(value.discovery) && typeof value.discovery.authorizationServerUrl === "string") stored.discovery = value.discovery as unknown as OAuthDiscoveryState;
  return stored;
}

export class CredentialStore {
  readonly serverUrl: string;
  readonly files: LoginFiles;

  constructor(
    configDir: string,
    serverUrl: string,
    /** ms since the epoch: stamps when tokens were saved, to turn expires_in into a time. */
    private readonly now: () => number = Date.now,
  ) {
    this.serverUrl = normalServerUrl(serverUrl);
    this.files = loginFiles(configDir, this.serverUrl);
  }

  /** What is stored; {} when nothing is (or the file belongs to another URL). Throws UnsafeStoreError. */
  read(): StoredLogin {
    if (!privateFolder(this.files.folder, false)) return {};
    const stored = storedLoginOf(readPrivateJson(this.files.secrets));
    return stored.serverUrl === undefined || stored.serverUrl === this.serverUrl ? stored : {};
  }

  /** Change what is stored; the metadata file follows. */
  update(change: (stored: StoredLogin) => void): void {
    privateFolder(this.files.folder, true);
    const stored = this.read();
    const tokensBefore = stored.tokens;
    change(stored);
    stored.serverUrl = this.serverUrl;
    writePrivateJson(this.files.secrets, stored);
    const previous = readPrivateJson(this.files.meta) as { updatedAt?: unknown } | undefined;
    // The expiry counts from when these tokens arrived, not from a later save of something else.
    const savedAt = stored.tokens !== tokensBefore || typeof previous?.updatedAt !== "number" ? this.now() : previous.updatedAt;
    writePrivateJson(this.files.meta, metaOf(this.serverUrl, stored.client !== undefined, stored.tokens, savedAt));
  }

  /** Forget the login for this server (client registration and tokens). True when something was there. */
  remove(): boolean {
    if (!privateFolder(this.files.folder, false)) return false;
    const secrets = removeFile(this.files.secrets);
    const meta = removeFile(this.files.meta);
    return secrets || meta;
  }
}
