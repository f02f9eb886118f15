// The loopback redirect target of the OAuth flow: a one-shot HTTP server on
// 127.0.0.1 that waits for /callback?code=... and hands the code over.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Loopback {
  readonly redirectUrl: string;
  /** Resolves with the authorization code (rejects on an error answer). */
  readonly code: Promise<string>;
  close(): Promise<void>;
}

export const CALLBACK_PATH = "/callback";

export async function startLoopback(port = 0): Promise<Loopback> {
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const value = url.searchParams.get("code");
    const error = url.searchParams.get("error");
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    if (value) {
      res.end("Signed in. You can close this tab and go back to the terminal.\n");
      settle.resolve(value);
    } else {
      res.end("Sign-in failed. Go back to the terminal.\n");
      settle.reject(new Error(`authorization failed: ${error ?? "no code in the redirect"}`));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    redirectUrl: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
    code,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
