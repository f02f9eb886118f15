// The REST backend: OctoPerf's API with `Authorization: Bearer <key>`. Each
// status tool of the policy maps to one endpoint. The key lives only in the
// request header; no message built here ever contains it.
import { TASK_STATUSES, type PollTarget, type TaskStatus } from "../policy/index.js";
import type { Backend, StatusResult } from "./backend.js";
import { AuthError, ConfigError, TransientError, UnknownHandleError } from "./errors.js";

export const DEFAULT_API_URL = "https://api.octoperf.com";
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface RestDeps {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  readonly requestTimeoutMs?: number;
}

const [PENDING, SUCCESS, FAILED, PARTIAL] = TASK_STATUSES as readonly TaskStatus[] as [TaskStatus, TaskStatus, TaskStatus, TaskStatus];

/** A REST task result (an @type, empty while pending) in get_task_result's shape. */
export function taskFromRest(taskId: string, body: unknown): StatusResult {
  if (body === undefined || body === null || body === "") return { taskId, status: PENDING, message: "" };
  const record = typeof body === "object" ? (body as Record<string, unknown>) : {};
  const type = String(record["@type"] ?? "");
  const text = String(record.message ?? record.stackTrace ?? "").split("\n")[0] ?? "";
  if (/fail/i.test(type)) return { taskId, status: FAILED, message: text };
  if (/partial/i.test(type)) return { taskId, status: PARTIAL, message: text };
  return { taskId, status: SUCCESS, message: text };
}

interface RestRoute {
  readonly path: (args: Readonly<Record<string, string>>) => string;
  readonly what: string;
  readonly map: (body: unknown, args: Readonly<Record<string, string>>) => StatusResult;
}

const asRecord = (body: unknown): StatusResult => (typeof body === "object" && body !== null ? (body as StatusResult) : {});

/** Status tools of the policy that the REST API can answer. */
export const REST_STATUS_ROUTES: Readonly<Record<string, RestRoute>> = {
  get_bench_result: { path: (a) => `/runtime/bench-results/${a.benchResultId}`, what: "bench result", map: asRecord },
  get_task_result: { path: (a) => `/tasks/${a.taskId}/result`, what: "task", map: (body, a) => taskFromRest(a.taskId ?? "", body) },
  get_bench_status: {
    path: (a) => `/runtime/bench-results/progress/${a.benchResultId}`,
    what: "bench result",
    map: (body) => ({ progress: asRecord(body).value }),
  },
  get_scenario: { path: (a) => `/design/scenarios/${a.scenarioId}`, what: "scenario", map: asRecord },
};

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class RestBackend implements Backend {
  readonly label: string;
  private readonly fetch: typeof fetch;
  private readonly base: URL;

  constructor(private readonly deps: RestDeps) {
    try {
      this.base = new URL(deps.baseUrl);
    } catch {
      throw new ConfigError(`OCTOPERF_API_URL is not a URL: "${deps.baseUrl.slice(0, 60)}"`);
    }
    if (this.base.username || this.base.password) throw new ConfigError("OCTOPERF_API_URL must not hold credentials; put the key in OCTOPERF_API_KEY");
    if (!deps.apiKey) throw new ConfigError("OCTOPERF_API_KEY is not set: the REST backend needs an OctoPerf API key (Profile > API key)");
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.label = `REST ${this.base.origin}`;
  }

  private async get(path: string, what: string, id: string): Promise<unknown> {
    const url = new URL(path.replace(/^\//, ""), this.base.href.endsWith("/") ? this.base.href : `${this.base.href}/`);
    let response: Response;
    try {
      response = await this.fetch(url, {
        headers: { authorization: `Bearer ${this.deps.apiKey}`, accept: "application/json" },
        signal: AbortSignal.timeout(this.deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : "error";
      throw new TransientError(`could not reach ${this.base.host} (${cause})`);
    }
    const status = response.status;
    const text = await response.text().catch(() => "");
    if (status === 401 || status === 403) throw new AuthError(`${this.base.host} refused the API key (HTTP ${status}): check OCTOPERF_API_KEY`);
    if (status === 404) throw new UnknownHandleError(`${this.base.host} knows no ${what} "${id}" (HTTP 404)`);
    if (status === 429) throw new TransientError(`${this.base.host} asked to slow down (HTTP 429)`, retryAfterMs(response.headers.get("retry-after")));
    if (status >= 500) throw new TransientError(`${this.base.host} answered HTTP ${status}`);
    if (status >= 400) throw new ConfigError(`${this.base.host} rejected the request for ${what} "${id}" (HTTP ${status})`);
    if (text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TransientError(`${this.base.host} answered something that is not JSON (HTTP ${status})`);
    }
  }

  async call(target: PollTarget): Promise<StatusResult> {
    const route = REST_STATUS_ROUTES[target.tool];
    if (!route) {
      throw new ConfigError(
        `the REST API has no endpoint for ${target.tool}; for a validation run wait on its benchResultId (bench <id> --operation validation) or use --backend mcp`,
      );
    }
    const id = Object.values(target.args).join("/");
    return route.map(await this.get(route.path(target.args), route.what, id), target.args);
  }

  async close(): Promise<void> {}
}
