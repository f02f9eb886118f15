// npm run lint:skills [-- --json] [--root DIR] [--catalog FILE]
// Exit 0 when clean, 1 on any diagnostic, 2 when the linter cannot run.
import { resolve } from "node:path";
import { REPO_ROOT } from "../schemas/catalog.js";
import { buildContext } from "./context.js";
import { lintContext } from "./engine.js";
import { formatJson, formatText } from "./format.js";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export function runLintCli(args: readonly string[], io: CliIo): number {
  let context;
  try {
    const catalogPath = option(args, "--catalog");
    context = buildContext({ root: resolve(option(args, "--root") ?? REPO_ROOT), ...(catalogPath ? { catalogPath: resolve(catalogPath) } : {}) });
  } catch (error) {
    io.err(`lint:skills cannot run: ${(error as Error).message}\n`);
    return 2;
  }
  const diagnostics = lintContext(context);
  if (args.includes("--json")) io.out(`${formatJson(diagnostics, context.files.length)}\n`);
  else if (diagnostics.length > 0) io.out(`${formatText(diagnostics)}\n`);
  if (!args.includes("--json")) {
    io.err(`${context.files.length} files, ${diagnostics.length} ${diagnostics.length === 1 ? "error" : "errors"}\n`);
  }
  return diagnostics.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runLintCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
