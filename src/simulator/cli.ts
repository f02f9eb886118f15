// octoperf-simulator: run the simulated platform over stdio and/or HTTP.
// stdout carries the MCP protocol in --stdio mode, so everything else goes
// to stderr; in --http-only mode one "listening <url>" line goes to stdout.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { SpeedClock } from "./clock.js";
import { FaultError } from "./faults.js";
import { startHttp } from "./http.js";
import { buildServer } from "./mcp-server.js";
import { OptionsError, parseSimulatorArgs, SIMULATOR_USAGE } from "./options.js";
import { Platform } from "./platform.js";
import { sharedPlatform } from "./shared-state.js";

async function main(): Promise<void> {
  const options = parseSimulatorArgs(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${SIMULATOR_USAGE}\n`);
    return;
  }
  const log = options.verbose ? (line: string) => process.stderr.write(`octoperf-simulator: ${line}\n`) : undefined;
  const shared = options.statePath ? sharedPlatform(options.statePath, options.speed, options.faults) : undefined;
  if (shared && shared.speed !== options.speed) log?.(`the state file runs at ${shared.speed}x; using that, not ${options.speed}x`);
  const platform = shared?.platform ?? new Platform({ clock: new SpeedClock(options.speed), faults: options.faults });
  if (options.httpPort !== undefined) {
    const running = await startHttp({ platform, apiKey: options.apiKey, log }, options.httpPort);
    const line = `listening ${running.url} (MCP at ${running.url}/mcp, REST at ${running.url}/; speed ${shared?.speed ?? options.speed}x)`;
    if (options.stdio) process.stderr.write(`octoperf-simulator: ${line}\n`);
    else process.stdout.write(`${line}\n`);
  }
  if (options.stdio) {
    const server = buildServer({ platform, log });
    await server.connect(new StdioServerTransport());
    process.stdin.on("end", () => process.exit(0));
  }
}

main().catch((error: unknown) => {
  const known = error instanceof OptionsError || error instanceof FaultError;
  process.stderr.write(`octoperf-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  if (known) process.stderr.write("run with --help for the options\n");
  process.exit(known ? 3 : 1);
});
