// The REST backend: OctoPerf's API with `Authorization: Bearer <key>`. Each
// status tool of the policy maps to one endpoint, and each answer to the MCP
// tool's fields. The key lives only in the request header; no message built
// here ever contains it. Endpoints and shapes, with where they are published:
// - GET /runtime/bench-results/{id} -> { id, batchId, scenarioId, designProjectId, resultProjectId, state }
//   OctoPerf/octoperf-maven-plugin runtime/runtime-rest-api/.../BenchResultsApi.java, runtime-entity/.../BenchResult.java;
//   jenkinsci/octoperf-plugin .../result/BenchResultApi.java.
// - GET /runtime/bench-results/progress/{id} -> { value } in percent (0-100)
//   same files; jenkinsci/octoperf-plugin OctoPerfBuild.java prints it as "%.2f%%".
// - GET /runtime/scenarios/{id} -> the scenario (load profiles: see policy/profiles.ts)
//   jenkinsci/octoperf-plugin .../scenario/ScenarioApi.java (`find`).
// - GET /tasks/{id}/result -> a TaskResult by `@type`, an empty body while the task runs
//   OctoPerf/octoperf-maven-plugin task/task-rest-api/.../TasksApi.java; maven-rest/.../RestTasks.java
//   polls it every 5 s while the body is empty.
import { TASK_STATUSES, type PollTarget, type TaskStatus } from "../policy/index.js";
import { firstLine, oneLine, quoted } from "../policy/untrusted-text.js";
import { answerOf, describeValue, type Answer, type Backend } from "./backend.js";
import { AuthError, ConfigError, TransientError, UnknownHandleError } from "./errors.js";

export const DEFAULT_API_URL = "https://api.octoperf.com";
/** An answer longer than this is not read (bounded work per answer). */
export const MAX_BODY_BYTES = 1_000_000;
const MAX_KEY_LENGTH = 1024;

export interface RestDeps {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

const [PENDING, SUCCESS, FAILED] = TASK_STATUSES as readonly TaskStatus[] as [TaskStatus, TaskStatus, TaskStatus];

type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Task results by `@type`, each with its source. Only these are outcomes;
 * an empty body is PENDING and anything else is no outcome (assumption:unpublished-task-results).
 */
const TASK_RESULTS: Readonly<Record<string, (result: JsonObject) => JsonObject | undefined>> = {
  // OctoPerf/octoperf-maven-plugin task/task-entity/.../FailedTaskResult.java { stackTrace },
  // registered as "FailedTaskResult" in TaskRegistrator.java. Failed even without a trace (assumption:failed-without-trace).
  FailedTaskResult: (r) => ({ status: FAILED, message: firstLine(r.stackTrace) }),
  // OctoPerf/octoperf-maven-plugin analysis/analysis-task-entity/.../PrintReportTaskResult.java { filename },
  // registered as "PrintReportTaskResult" in PrintReportTaskRegistrator.java.
  PrintReportTaskResult: (r) => (typeof r.filename === "string" && r.filename.trim() !== "" ? { status: SUCCESS, message: "", filename: oneLine(r.filename, 80) } : undefined),
};

/** A REST task result (an @type, empty while pending) in get_task_result's shape. */
export function taskFromRest(taskId: string, body: unknown): Answer {
  if (body === undefined) return { fields: { taskId, status: PENDING, message: "" } };
  const answer = answerOf(body);
  if (answer.unrecognised !== undefined) return answer;
  const type = answer.fields["@type"];
  const read = typeof type === "string" && Object.hasOwn(TASK_RESULTS, type) ? TASK_RESULTS[type]!(answer.fields) : undefined;
  if (read) return { fields: { taskId, ...read } };
  const what = describeValue(body);
  return { fields: {}, unrecognised: typeof type === "string" && Object.hasOwn(TASK_RESULTS, type) ? `${what} without its fields` : what };
}

interface RestRoute {
  readonly path: (args: Readonly<Record<string, string>>) => string;
  readonly what: string;
  readonly map: (body: unknown, args: Readonly<Record<string, string>>) => Answer;
}

/** Status tools of the policy that the REST API can answer. */
export const REST_STATUS_ROUTES: Readonly<Record<string, RestRoute>> = {
  get_bench_result: { path: (a) => `/runtime/bench-results/${a.benchResultId}`, what: "bench result", map: answerOf },
  get_task_result: { path: (a) => `/tasks/${a.taskId}/result`, what: "task", map: (body, a) => taskFromRest(a.taskId ?? "", body) },
  get_bench_status: {
    path: (a) => `/runtime/bench-results/progress/${a.benchResultId}`,
    what: "bench result",
    map: (body) => {
      const answer = answerOf(body);
      return answer.unrecognised !== undefined ? answer : { fields: { progress: answer.fields.value } };
    },
  },
  get_scenario: { path: (a) => `/runtime/scenarios/${a.scenarioId}`, what: "scenario", map: answerOf },
};

/** What is wrong with an API key, without showing any of it; undefined when it can be sent (assumption:api-key-charset). */
export function apiKeyProblem(key: string): string | undefined {
  if (key.length === 0) return "is not set: the REST backend needs an OctoPerf API key (Profile > API key); or sign in once with `octoperf-wait login` and the watcher polls over MCP";
  if (key.length > MAX_KEY_LENGTH) return `is ${key.length} characters long; an API key is much shorter`;
  const at = (pattern: RegExp): number => key.search(pattern);
  const checks: Array<[RegExp, string]> = [
    [/[\r\n]/, "contains a line break"],
    [/[\x00-\x1f\x7f]/, "contains a control character"],
    [/[^\x00-\x7f]/, "contains a non-ASCII character"],
    [/\s/, "contains a space"],
  ];
  for (const [pattern, problem] of checks) {
    const index = at(pattern);
    if (index >= 0) return `${problem} (at character ${index + 1} of ${key.length}); copy the key again`;
  }
  return undefined;
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d{1,6}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The body as text, at most MAX_BODY_BYTES of it. */
async function boundedText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new TransientError(`the answer is larger than ${MAX_BODY_BYTES / 1_000_000} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export class RestBackend implements Backend {
  readonly label: string;
  readonly progressScale = "percent";
  private readonly fetch: typeof fetch;
  private readonly base: URL;

  constructor(private readonly deps: RestDeps) {
    try {
      this.base = new URL(deps.baseUrl);
    } catch {
      throw new ConfigError(`OCTOPERF_API_URL is not a URL: ${quoted(deps.baseUrl, 60)}`);
    }
    if (this.base.protocol !== "https:" && this.base.protocol !== "http:") throw new ConfigError(`OCTOPERF_API_URL must be http(s), not ${quoted(this.base.protocol, 20)}`);
    if (this.base.username || this.base.password) throw new ConfigError("OCTOPERF_API_URL must not hold credentials; put the key in OCTOPERF_API_KEY");
    const problem = apiKeyProblem(deps.apiKey);
    if (problem !== undefined) throw new ConfigError(`OCTOPERF_API_KEY ${problem}`);
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.label = `REST ${this.base.origin}`;
  }

  private async get(path: string, what: string, id: string, signal: AbortSignal): Promise<unknown> {
    const url = new URL(path.replace(/^\//, ""), this.base.href.endsWith("/") ? this.base.href : `${this.base.href}/`);
    const host = this.base.host;
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, { headers: { authorization: `Bearer ${this.deps.apiKey}`, accept: "application/json" }, signal });
      text = await boundedText(response);
    } catch (error) {
      if (error instanceof TransientError) throw new TransientError(`${host}: ${error.message}`);
      const reason = signal.aborted && signal.reason instanceof Error ? signal.reason.message : undefined;
      const cause = error instanceof Error ? ((error.cause as { code?: unknown } | undefined)?.code ?? error.name) : "error";
      throw new TransientError(`could not reach ${host} (${reason ?? oneLine(String(cause), 40)})`);
    }
    const status = response.status;
    if (status === 401 || status === 403) throw new AuthError(`${host} refused the API key (HTTP ${status}): check OCTOPERF_API_KEY`);
    if (status === 404) throw new UnknownHandleError(`${host} knows no ${what} "${id}" (HTTP 404)`);
    if (status === 429) throw new TransientError(`${host} asked to slow down (HTTP 429)`, retryAfterMs(response.headers.get("retry-after"), Date.now()));
    if (status >= 500) throw new TransientError(`${host} answered HTTP ${status}`);
    if (status >= 400) throw new ConfigError(`${host} rejected the request for ${what} "${id}" (HTTP ${status})`);
    if (text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TransientError(`${host} answered something that is not JSON (HTTP ${status})`);
    }
  }

  async call(target: PollTarget, signal: AbortSignal): Promise<Answer> {
    const route = REST_STATUS_ROUTES[target.tool];
    if (!route) {
      throw new ConfigError(
        `the REST API has no endpoint for ${target.tool}; for a validation run wait on its benchResultId (bench <id> --operation validation) or use --backend mcp`,
      );
    }
    // Ids are validated handles (letters, digits, '-', '_'): safe in a path and in a message.
    const id = Object.values(target.args).join("/");
    return route.map(await this.get(route.path(target.args), route.what, id, signal), target.args);
  }

  async close(): Promise<void> {}
}
