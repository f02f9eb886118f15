// OctoPerf's REST endpoints over the simulated platform. A route answers a
// status and a JSON body (or text, or nothing); auth is checked by the caller.
// Paths and shapes are the ones OctoPerf's open-source clients use (sources in
// src/watcher/rest-backend.ts); what they do not publish is marked below.
import { HTTP_STATUS, SimError } from "./errors.js";
import type { Platform } from "./platform.js";
import type { TaskKind } from "./tasks.js";

export interface RestAnswer {
  readonly status: number;
  /** JSON value, a string sent as text/plain, or undefined for an empty body. */
  readonly body: unknown;
}

type Route = (platform: Platform, id: string, query: URLSearchParams) => RestAnswer;

const ok = (body: unknown): RestAnswer => ({ status: 200, body });

/**
 * The result type of an ended task that no OctoPerf client publishes (a
 * correlation, report-data or JTL import success, a partial batch): the real
 * service answers some `@type` we do not know, so the simulator answers one no
 * client knows either (assumption:unpublished-task-results).
 */
export const UNPUBLISHED_RESULT_TYPE = "SimulatorUnpublishedTaskResult";
const PRINT_KINDS: readonly TaskKind[] = ["pdf", "pdf-batch"];

/** The first lines of a Java stack trace, as FailedTaskResult.stackTrace holds one. */
export function stackTrace(message: string): string {
  return [`java.lang.IllegalStateException: ${message}`, "\tat com.octoperf.task.TaskRunner.run(TaskRunner.java:57)", "\tat java.base/java.lang.Thread.run(Thread.java:1583)"].join("\n");
}

/** REST task results carry an @type, as OctoPerf's do; an empty body while pending. */
function taskResult(platform: Platform, id: string): RestAnswer {
  const task = platform.task(id);
  switch (task.status) {
    case "PENDING":
      return { status: 200, body: undefined };
    case "FAILED":
      return ok({ "@type": "FailedTaskResult", stackTrace: stackTrace(task.message) });
    case "SUCCESS":
      if (PRINT_KINDS.includes(task.kind) && task.filename) return ok({ "@type": "PrintReportTaskResult", filename: task.filename });
      return ok({ "@type": UNPUBLISHED_RESULT_TYPE });
    case "PARTIAL":
      return ok({ "@type": UNPUBLISHED_RESULT_TYPE });
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
  { method: "GET", pattern: /^\/runtime\/scenarios\/([^/]+)$/, route: (p, id) => ok(p.scenario(id)) },
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
