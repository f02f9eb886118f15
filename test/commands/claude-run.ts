// Run the real Claude Code client headless against a scripted model, in a
// temp HOME, and return what it sent the model.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { startScriptedModel, type Step } from "./scripted-model.js";

export const CLAUDE_BIN = resolve("node_modules/.bin/claude");
const run = promisify(execFile);

export interface ClaudeRun {
  readonly stdout: string;
  /** Every Messages API request body Claude Code sent. */
  readonly requests: readonly unknown[];
}

export async function runClaude(prompt: string, options: { pluginDir: string; cwd: string; script?: readonly Step[]; env?: Record<string, string> }): Promise<ClaudeRun> {
  const model = await startScriptedModel(options.script ?? []);
  try {
    const home = mkdtempSync(join(tmpdir(), "octoperf-cmd-home-"));
    const { stdout } = await run(CLAUDE_BIN, ["-p", prompt, "--plugin-dir", options.pluginDir, "--output-format", "json"], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        ANTHROPIC_BASE_URL: model.url,
        ANTHROPIC_API_KEY: "sk-ant-test",
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
        ...options.env,
      },
      encoding: "utf8",
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stdout, requests: [...model.requests] };
  } finally {
    await model.close();
  }
}

interface TextBlock {
  readonly type?: string;
  readonly text?: string;
}

/** Text blocks of the user messages of the first request. */
export function firstUserTexts(requests: readonly unknown[]): string[] {
  const first = requests[0] as { messages?: { role: string; content: string | TextBlock[] }[] } | undefined;
  const texts: string[] = [];
  for (const message of first?.messages ?? []) {
    if (message.role !== "user") continue;
    if (typeof message.content === "string") texts.push(message.content);
    else for (const block of message.content) if (block.type === "text" && typeof block.text === "string") texts.push(block.text);
  }
  return texts;
}
