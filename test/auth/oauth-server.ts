// Test harness: the simulator's Streamable HTTP MCP endpoint protected by an
// OAuth 2.1 authorization server on 127.0.0.1, built only from the SDK's
// server-side auth helpers (mcpAuthRouter, requireBearerAuth, and its
// in-memory demo provider). express comes with the SDK; its types do not, so
// the few calls made on it are typed here.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getOAuthProtectedResourceMetadataUrl, mcpAuthRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { DemoInMemoryAuthProvider } from "@modelcontextprotocol/sdk/examples/server/demoInMemoryOAuthProvider.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { ManualClock } from "../../src/simulator/clock.js";
import { buildServer } from "../../src/simulator/mcp-server.js";
import { Platform } from "../../src/simulator/platform.js";

type Handler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
interface App extends Handler {
  use(handler: unknown): void;
  all(path: string, ...handlers: unknown[]): void;
}

export interface ProtectedSimulator {
  readonly mcpUrl: string;
  /** Access tokens the authorization server issued (to check they are never printed). */
  issuedTokens(): string[];
  close(): Promise<void>;
}

export async function startProtectedSimulator(): Promise<ProtectedSimulator> {
  const express = ((await import("express" as string)) as { default: () => App }).default;
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const mcpUrl = new URL("/mcp", base);
  const provider = new DemoInMemoryAuthProvider();
  app.use(mcpAuthRouter({ provider, issuerUrl: base, resourceServerUrl: mcpUrl, scopesSupported: ["mcp:tools"] }));
  const platform = new Platform({ clock: new ManualClock() });
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
  const tokens = (provider as unknown as { tokens: Map<string, unknown> }).tokens;
  return {
    mcpUrl: mcpUrl.toString(),
    issuedTokens: () => [...tokens.keys()],
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
