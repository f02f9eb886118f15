// npm run schemas:pull -- --url https://api.octoperf.com/mcp [--out FILE]
// npm run schemas:pull -- --command "node scripts/octoperf-simulator.mjs --stdio"
// Captures the server's tools/list into the catalog and prints what changed.
// OAuth tokens go to the user's config directory (--config-dir to change it)
// and are never printed.
import { resolve } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CATALOG_PATH } from "./catalog.js";
import { connectHttp, connectStdio, type HttpOptions } from "./connect.js";
import { captureCatalog, describeDiff, writeCaptured } from "./pull.js";
import { configDirFor } from "../auth/paths.js";

export const PULL_USAGE = "usage: schemas:pull (--url <https://server/mcp> | --command \"<stdio command>\") [--out FILE] [--config-dir DIR]";

export interface PullOptions {
  readonly url?: string;
  readonly command?: string;
  readonly out: string;
  readonly configDir: string;
}

export function parsePullArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): PullOptions {
  const value = (name: string) => {
    const index = args.indexOf(name);
    if (index < 0) return undefined;
    const found = args[index + 1];
    if (found === undefined || found.startsWith("--")) throw new Error(`${name} needs a value\n${PULL_USAGE}`);
    return found;
  };
  const url = value("--url");
  const command = value("--command");
  if ((url === undefined) === (command === undefined)) throw new Error(`give exactly one of --url and --command\n${PULL_USAGE}`);
  if (url !== undefined && !/^https?:\/\//.test(url)) throw new Error(`--url must be an http(s) URL, got ${url}`);
  return {
    ...(url !== undefined ? { url } : {}),
    ...(command !== undefined ? { command } : {}),
    out: resolve(value("--out") ?? CATALOG_PATH),
    configDir: resolve(value("--config-dir") ?? configDirFor(env)),
  };
}

export interface PullDeps {
  readonly log: (line: string) => void;
  readonly now: () => Date;
  readonly openUrl?: HttpOptions["openUrl"];
}

export async function runPull(options: PullOptions, deps: PullDeps): Promise<string> {
  const client: Client = options.url
    ? await connectHttp(options.url, { configDir: options.configDir, log: deps.log, ...(deps.openUrl ? { openUrl: deps.openUrl } : {}) })
    : await connectStdio(options.command!);
  try {
    const server = options.url ?? `stdio: ${options.command}`;
    const catalog = await captureCatalog(client, server, deps.now());
    return describeDiff(writeCaptured(catalog, options.out));
  } finally {
    await client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const options = parsePullArgs(process.argv.slice(2));
    process.stdout.write(`${await runPull(options, { log, now: () => new Date() })}\n`);
    process.exit(0);
  } catch (error) {
    log(`schemas:pull: ${(error as Error).message}`);
    process.exit(1);
  }
}
