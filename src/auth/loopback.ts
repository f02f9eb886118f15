// The loopback redirect target of a browser sign-in (RFC 8252): a one-shot
// HTTP server on 127.0.0.1 that waits for /callback?code=...&state=... and
// hands the code over. A callback without the expected `state` (another
// page poking the port) is answered and ignored; an error answer with the
// right state ends the sign-in.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { printable } from "../policy/duration.js";
import { SignInError } from "./errors.js";

export interface Loopback {
  readonly redirectUrl: string;
  /** The OAuth `state` this sign-in sends and expects back. */
  readonly state: string;
  /** Resolves with the authorization code; rejects with a SignInError on an error answer. */
  readonly code: Promise<string>;
  close(): Promise<void>;
}

export const CALLBACK_PATH = "/callback";

const PAGE = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

export async function startLoopback(port = 0): Promise<Loopback> {
  const state = randomBytes(16).toString("base64url");
  let settle!: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET" || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, PAGE).end();
      return;
    }
    if (url.searchParams.get("state") !== state) {
      res.writeHead(400, PAGE).end("This sign-in link is not the one this terminal is waiting for.\n");
      return;
    }
    const value = url.searchParams.get("code");
    if (value) {
      res.writeHead(200, PAGE).end("Signed in. You can close this tab and go back to the terminal.\n");
      settle.resolve(value);
      return;
    }
    const error = url.searchParams.get("error");
    res.writeHead(200, PAGE).end("Sign-in failed. Go back to the terminal.\n");
    settle.reject(new SignInError(`the authorization server refused the sign-in (${error ? printable(error, 60) : "no code in the redirect"})`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    redirectUrl: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
    state,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
