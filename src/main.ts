// npm start: the demo on the embedded simulator (no account needed), a
// failure path with --fault, or the wait plan for a run length with --duration.
import { DurationError, parseDuration } from "./policy/index.js";
import { runDemo } from "./demo/simulated-run.js";
import { planView } from "./demo/plan-view.js";
import { FaultError, FAULTS, parseFaults } from "./simulator/faults.js";

const USAGE = `npm start [-- options]
  (no options)        start the simulator, run a sample scenario and wait for it as the hooks do with an API key
                      or a sign-in: the background watcher, one wake (about 15 s)
  --no-credentials    the same without either: the hooks' timer wakes the model one cadence after each poll
  --fault <f>[,<f>]   the same with scripted faults, e.g. --fault abort  (${FAULTS.map((f) => f.name).join(", ")})
  --speed <n>         simulated seconds per real second (default 60)
  --duration <d>      print the wait plan for a sample scenario run of that length (e.g. 10m, 2h); no simulator`;

/** A command line this script cannot run: told as it is, with the usage. */
class UsageError extends Error {
  override name = "UsageError";
}

async function main(argv: readonly string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const known = new Set(["--fault", "--speed", "--duration", "--no-credentials"]);
  const takesValue = (word: string | undefined) => word !== undefined && word !== "--no-credentials" && known.has(word);
  const unknown = argv.filter((word, i) => word.startsWith("--") && !known.has(word) && !takesValue(argv[i - 1]));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}\n${USAGE}`);
  const duration = value("--duration");
  if (duration !== undefined) {
    process.stdout.write(`${planView(parseDuration(duration, "--duration"))}\n`);
    return 0;
  }
  const fault = value("--fault");
  const speedText = value("--speed");
  const speed = speedText === undefined ? undefined : Number(speedText);
  if (speed !== undefined && !(speed > 0 && speed <= 100_000)) throw new FaultError(`--speed: "${speedText}" must be a number above 0`);
  const credentials = !argv.includes("--no-credentials");
  const code = await runDemo({ faults: fault ? parseFaults(fault) : undefined, speed, credentials, stdout: process.stdout, stderr: process.stderr });
  process.stdout.write(
    code === 0
      ? `Done. Try \`npm start -- --fault abort\` for a failure path, ${credentials ? "`npm start -- --no-credentials` for the wait without an API key or a sign-in, " : ""}or \`npm start -- --duration 2h\` for a plan.\n`
      : "Done: that was a failure path. `npm start` alone shows a successful run.\n",
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad input (a duration, a fault, an option) is told as it is; anything else keeps its stack.
    const input = error instanceof DurationError || error instanceof FaultError || error instanceof UsageError;
    process.stderr.write(`${input ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
