// The policy's harness constants must say what the pinned Claude Code's
// sdk-tools.d.ts says. A disagreement is reported on the constant's line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  MONITOR_DEFAULT_TIMEOUT_MS,
  MONITOR_MAX_TIMEOUT_MS,
  SCHEDULE_WAKEUP_MAX_S,
  SCHEDULE_WAKEUP_MIN_S,
} from "../policy/index.js";
import { REPO_ROOT } from "./catalog.js";
import { propertyLimit, type ClaudeCodeSchemas, type ClaudeCodeTool } from "./claude-code.js";

export const HARNESS_SOURCE = "src/policy/harness.ts";

export interface HarnessDisagreement {
  readonly constant: string;
  readonly policy: number;
  readonly schema: number | undefined;
  readonly line: number;
  readonly message: string;
}

const FACTS: readonly { constant: string; policy: number; tool: ClaudeCodeTool; property: string; keyword: "minimum" | "maximum" | "default" }[] = [
  { constant: "SCHEDULE_WAKEUP_MIN_S", policy: SCHEDULE_WAKEUP_MIN_S, tool: "ScheduleWakeup", property: "delaySeconds", keyword: "minimum" },
  { constant: "SCHEDULE_WAKEUP_MAX_S", policy: SCHEDULE_WAKEUP_MAX_S, tool: "ScheduleWakeup", property: "delaySeconds", keyword: "maximum" },
  { constant: "MONITOR_DEFAULT_TIMEOUT_MS", policy: MONITOR_DEFAULT_TIMEOUT_MS, tool: "Monitor", property: "timeout_ms", keyword: "default" },
  { constant: "MONITOR_MAX_TIMEOUT_MS", policy: MONITOR_MAX_TIMEOUT_MS, tool: "Monitor", property: "timeout_ms", keyword: "maximum" },
];

function constantLine(constant: string): number {
  try {
    const lines = readFileSync(join(REPO_ROOT, HARNESS_SOURCE), "utf8").split("\n");
    const index = lines.findIndex((line) => line.includes(`const ${constant}`));
    return index + 1 || 1;
  } catch {
    return 1;
  }
}

export function harnessDisagreements(schemas: ClaudeCodeSchemas): HarnessDisagreement[] {
  return FACTS.flatMap((fact) => {
    const schema = propertyLimit(schemas, fact.tool, fact.property, fact.keyword);
    if (schema === fact.policy) return [];
    return [
      {
        constant: fact.constant,
        policy: fact.policy,
        schema,
        line: constantLine(fact.constant),
        message: `${fact.constant} = ${fact.policy}, but Claude Code ${schemas.version} gives ${fact.tool}.${fact.property} ${fact.keyword} ${schema ?? "(none stated)"}`,
      },
    ];
  });
}
