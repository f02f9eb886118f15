// octoperf-wait: wait outside the model for OctoPerf work, for Claude Code's
// Monitor or a terminal. Bundled to scripts/octoperf-wait.mjs by npm run build.
import { resolve } from "node:path";
import { exitCodeOf } from "./errors.js";
import { run } from "./run.js";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    controller.abort(new Error(`stopped by ${signal}`));
    process.exit(130);
  });
}

const self = process.argv[1] ? resolve(process.argv[1]) : undefined;
run({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: controller.signal, ...(self ? { self } : {}) })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    // run() turns every error into a line; one that escapes it is a bug.
    process.stderr.write(`octoperf-wait: internal: ${error instanceof Error ? error.name : "error"}\n`);
    process.exitCode = exitCodeOf("internal");
  });
