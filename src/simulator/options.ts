// Command-line options of the simulator, parsed apart from running it.
import { FAULTS, parseFaults, type FaultPlan, NO_FAULTS } from "./faults.js";

export const DEFAULT_API_KEY = "simulator-key";
export const DEFAULT_SPEED = 1;

export interface SimulatorOptions {
  readonly stdio: boolean;
  /** Port for Streamable HTTP MCP + REST (0: any free port), or undefined. */
  readonly httpPort: number | undefined;
  readonly speed: number;
  readonly faults: FaultPlan;
  readonly apiKey: string;
  readonly verbose: boolean;
  readonly help: boolean;
  /** A JSON file holding the platform's state, shared by every process given it. */
  readonly statePath: string | undefined;
}

export class OptionsError extends Error {
  override name = "OptionsError";
}

export const SIMULATOR_USAGE = `octoperf-simulator: a simulated OctoPerf (MCP tools + REST API) for demos and tests

  --stdio              serve MCP over stdin/stdout (for a .mcp.json "command" entry)
  --http <port>        serve Streamable HTTP MCP at /mcp and the REST API on 127.0.0.1:<port> (0: any)
  --speed <n>          simulated seconds per real second (default ${DEFAULT_SPEED}; 60 turns 10 min into 10 s)
  --fault <f>[,<f>]    scripted faults:
${FAULTS.map((f) => `                         ${f.syntax.padEnd(16)} ${f.effect}`).join("\n")}
  --api-key <key>      bearer key the REST API accepts (default: $OCTOPERF_API_KEY, else "${DEFAULT_API_KEY}")
  --state <file>       keep runs, tasks and the clock in <file>, shared by every simulator process
                       given the same file (e.g. the one Claude Code starts and the one a watcher starts)
  --verbose            log each call on stderr
Both --stdio and --http may be given: one platform then answers on both.`;

export function parseSimulatorArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): SimulatorOptions {
  let stdio = false;
  let httpPort: number | undefined;
  let speed = DEFAULT_SPEED;
  let faults = NO_FAULTS;
  let apiKey = env.OCTOPERF_API_KEY || DEFAULT_API_KEY;
  let verbose = false;
  let help = false;
  let statePath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new OptionsError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case "--stdio":
        stdio = true;
        break;
      case "--http": {
        const text = value();
        if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new OptionsError(`--http: "${text.slice(0, 20)}" is not a port number`);
        httpPort = Number(text);
        break;
      }
      case "--speed": {
        const text = value();
        speed = Number(text);
        if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) throw new OptionsError(`--speed: "${text.slice(0, 20)}" must be a number above 0 (at most 100000)`);
        break;
      }
      case "--fault":
        faults = parseFaults(value());
        break;
      case "--api-key":
        apiKey = value();
        break;
      case "--verbose":
        verbose = true;
        break;
      case "--state":
        statePath = value();
        break;
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new OptionsError(`unknown option "${flag.slice(0, 40)}"`);
    }
  }
  if (!help && !stdio && httpPort === undefined) throw new OptionsError("choose --stdio, --http <port>, or both");
  return { stdio, httpPort, speed, faults, apiKey, verbose, help, statePath };
}
