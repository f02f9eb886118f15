// OctoPerf's REST endpoints over the simulated platform. A route answers a
// status and a JSON body (or text, or nothing); auth is checked by the caller.
import { HTTP_STATUS, SimError } from "./errors.js";
import type { Platform } from "./platform.js";

export interface RestAnswer {
  readonly status: number;
  /** JSON value, a string sent as text/plain, or undefined for an empty body. */
  readonly body: unknown;
}

type Route = (platform: Platform, id: string, query: URLSearchParams) => RestAnswer;

const ok = (body: unknown): RestAnswer => ({ status: 200, body });

/** REST task results carry an @type, as OctoPerf's do; nothing while pending. */
function taskResult(platform: Platform, id: string): RestAnswer {
  const task = platform.task(id);
  switch (task.status) {
    case "PENDING":
      return { status: 200, body: undefined };
    case "FAILED":
      return ok({ "@type": "FailedTaskResult", id: task.taskId, stackTrace: task.message });
    case "PARTIAL":
      return ok({ "@type": "PartialTaskResult", id: task.taskId, message: task.message, filename: task.filename });
    case "SUCCESS":
      return ok({ "@type": task.kind.startsWith("pdf") ? "PrintReportTaskResult" : "SuccessTaskResult", id: task.taskId, filename: task.filename });
  }
}

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; route: Route }> = [
  { method: "GET", pattern: /^\/runtime\/bench-results\/progress\/([^/]+)$/, route: (p, id) => ok({ value: p.progress(id) }) },
  {
    method: "GET",
    pattern: /^\/runtime\/bench-results\/([^/]+)$/,
    route: (p, id) => {
      const v = p.benchResult(id);
      return ok({ id: v.id, batchId: v.benchReportId, scenarioId: v.scenarioId, designProjectId: v.designProjectId, resultProjectId: v.resultProjectId, state: v.state, created: v.created, lastModified: v.lastModified });
    },
  },
  { method: "POST", pattern: /^\/runtime\/bench-results\/stop\/([^/]+)$/, route: (p, id) => ok({ id, state: p.stop(id).state }) },
  {
    method: "POST",
    pattern: /^\/runtime\/scenarios\/run\/([^/]+)$/,
    route: (p, id) => {
      const report = p.runScenario(id);
      return ok({ id: report.id, projectId: report.projectId, name: report.name, benchResultIds: report.benchResultIds });
    },
  },
  { method: "GET", pattern: /^\/tasks\/([^/]+)\/result$/, route: taskResult },
  { method: "GET", pattern: /^\/design\/scenarios\/([^/]+)$/, route: (p, id) => ok(p.scenario(id)) },
  { method: "GET", pattern: /^\/analysis\/logs\/list\/([^/]+)$/, route: (p, id) => ok(p.files(id)) },
  {
    method: "GET",
    pattern: /^\/analysis\/logs\/([^/]+)$/,
    route: (p, id, q) => ok(p.fileLines(id, q.get("filename") ?? "", 0, 100_000).lines.join("\n")),
  },
  { method: "GET", pattern: /^\/analysis\/bench-reports\/([^/]+)$/, route: (p, id) => ok(p.report(id)) },
];

export function restAnswer(platform: Platform, method: string, url: URL): RestAnswer {
  const path = url.pathname.replace(/\/+$/, "");
  const matches = ROUTES.filter((r) => r.pattern.test(path));
  if (matches.length === 0) return { status: 404, body: { message: `No such endpoint: ${path.slice(0, 80)}` } };
  const found = matches.find((r) => r.method === method);
  if (!found) return { status: 405, body: { message: `Use ${matches.map((r) => r.method).join(" or ")} for ${path.slice(0, 80)}` } };
  const id = decodeURIComponent(found.pattern.exec(path)![1]!);
  try {
    return found.route(platform, id, url.searchParams);
  } catch (error) {
    if (error instanceof SimError) return { status: HTTP_STATUS[error.kind], body: { message: error.message } };
    throw error;
  }
}
