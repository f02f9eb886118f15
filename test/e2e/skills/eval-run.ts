// Run one of our eval cases through the real `claude plugin eval`, with the
// scripted model on 127.0.0.1 standing in for Claude, and read back which
// graders passed. Fixed answers for the OctoPerf tools the script calls are
// added as a case-level mock layer in the temp copy, so the agent responder
// (which would need a real model) is never asked.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScriptedModel } from "../harness/model-server.js";
import { copyPluginTree } from "../harness/plugin-variant.js";
import { runClaudeRaw, TEST_API_KEY } from "../harness/run-claude.js";
import type { Step } from "../harness/script.js";

export interface EvalRunOptions {
  readonly caseName: string;
  readonly steps: readonly Step[];
  /** Canned results by bare OctoPerf tool name. */
  readonly answers?: Readonly<Record<string, unknown>>;
}

export interface EvalRunResult {
  readonly graders: ReadonlyMap<string, boolean>;
  readonly score: number | undefined;
  readonly output: string;
  readonly modelRequests: number;
}

interface ResultJson {
  cases?: { name?: string; aggregates?: { score?: number }; arms?: { with?: { graders?: { name: string; passed: boolean }[] }[] } }[];
}

async function removeKept(dir: string): Promise<void> {
  // A failed run leaves its sandbox with closed modes; open them before removing.
  for (const entry of await readdir(dir).catch(() => [])) await chmod(join(dir, entry), 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}

export async function runEvalCase(options: EvalRunOptions): Promise<EvalRunResult> {
  const base = await mkdtemp(join(tmpdir(), "octoperf-eval-run-"));
  const model = await new ScriptedModel(options.steps).start();
  try {
    const plugin = join(base, "octoperf");
    await copyPluginTree(plugin);
    const mocks = join(plugin, "evals", options.caseName, "mocks", "octoperf");
    await mkdir(mocks, { recursive: true });
    for (const [tool, answer] of Object.entries(options.answers ?? {})) {
      await writeFile(join(mocks, `${tool}.md`), `---\ntype: fixed\n---\n${JSON.stringify(answer)}\n`);
    }
    const home = await mkdtemp(join(base, "home-"));
    const tmp = await mkdtemp(join(base, "tmp-"));
    const resultPath = join(base, "result.json");
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, TMPDIR: tmp, ANTHROPIC_BASE_URL: model.url, ANTHROPIC_API_KEY: TEST_API_KEY, DISABLE_AUTOUPDATER: "1", DISABLE_TELEMETRY: "1" };
    const args = [
      "plugin", "eval", ".", "--trust-plugin", "--runs", "1", "--ablation", "none", "--no-publish",
      "--output-dir", join(base, "out"), "--json", resultPath, "--case", options.caseName, "--allow-tools", "mcp__plugin_octoperf_octoperf",
    ];
    const run = await runClaudeRaw(args, { home, cwd: plugin, env, timeoutMs: 120_000 });
    await removeKept(tmp);
    const json = JSON.parse(await readFile(resultPath, "utf8").catch(() => "{}")) as ResultJson;
    const found = json.cases?.find((c) => c.name === options.caseName);
    const graders = new Map((found?.arms?.with?.[0]?.graders ?? []).map((g) => [g.name, g.passed] as const));
    return { graders, score: found?.aggregates?.score, output: `${run.stdout}\n${run.stderr}`, modelRequests: model.requests.length };
  } finally {
    await model.stop();
    await removeKept(base);
  }
}
