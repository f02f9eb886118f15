// The simulated OctoPerf platform: the bench side plus asynchronous tasks
// (PDF exports, correlation, report data, JTL imports) and result files. The
// MCP tools and the REST routes are thin layers over this class.
import { SimError } from "./errors.js";
import { BenchPlatform, checkId } from "./bench-platform.js";
import { jmeterLog } from "./files.js";
import { newTask, taskAt, type SimTask, type TaskKind, type TaskView } from "./tasks.js";

export { type BenchResultView, type PlatformDeps } from "./bench-platform.js";
export type { BenchReport, PlatformState, Run } from "./registry.js";

/** Minutes a presigned upload URL stays valid. */
export const UPLOAD_MINUTES = 15;

export class Platform extends BenchPlatform {
  /** Where uploads go: the HTTP server's URL once one listens. */
  uploadBase: string | undefined;

  importJtl(projectId: string): { url: string; method: string; expiresAt: string; instructions: string } {
    checkId("projectId", projectId);
    if (projectId !== this.fixtures.projectId) throw new SimError("not-found", `No project with id "${projectId}". This workspace has ${this.fixtures.projectId}.`);
    const token = this.nextId("upload");
    const expiresAt = this.now() + UPLOAD_MINUTES * 60_000;
    this.registry.uploads.set(token, { token, projectId, expiresAt });
    const base = this.uploadBase ?? "http://127.0.0.1:0";
    return {
      url: `${base}/uploads/jtl/${token}`,
      method: "POST",
      expiresAt: new Date(expiresAt).toISOString(),
      instructions: this.uploadBase
        ? `POST the zipped JTL file as the request body within ${UPLOAD_MINUTES} minutes; the answer holds taskId, benchResultId and reportName.`
        : "This simulator serves no HTTP: start it with --http <port> to accept uploads.",
    };
  }

  /** The presigned upload's answer: a finished bench result and the import task. */
  receiveJtl(token: string): { taskId: string; benchResultId: string; reportName: string } {
    const upload = this.registry.uploads.get(token);
    if (!upload || upload.expiresAt < this.now()) throw new SimError("not-found", "This upload URL is unknown or expired; call import_jtl_report again.");
    this.registry.uploads.delete(token);
    const now = this.now();
    const benchResultId = this.nextId("bench");
    const timeline = { segments: [{ state: "FINISHED", from: now, to: undefined }], runningFrom: undefined, runningMs: 0 };
    this.registry.runs.set(benchResultId, { id: benchResultId, reportId: undefined, scenarioId: undefined, virtualUserId: undefined, projectId: upload.projectId, createdAt: now, timeline });
    const task = this.addTask("jtl-import", undefined);
    return { taskId: task.id, benchResultId, reportName: `Imported JTL ${benchResultId}` };
  }

  exportPdf(reportId: string): { benchReportId: string; taskId: string } {
    const report = this.report(reportId);
    const live = report.benchResultIds.filter((id) => !this.isTerminal(id));
    if (live.length > 0) throw new SimError("conflict", `Bench report ${reportId} is still running (${live.join(", ")}). Wait for every run to end, then export.`);
    const task = this.addTask("pdf", undefined, `${reportId}.pdf`);
    return { benchReportId: reportId, taskId: task.id };
  }

  exportPdfs(reportIds: readonly string[]): { benchReportIds: string[]; taskId: string } {
    if (reportIds.length === 0 || reportIds.length > 20) throw new SimError("bad-argument", `benchReportIds must hold 1 to 20 ids, got ${reportIds.length}.`);
    const reports = reportIds.map((id, i) => this.report(id, `benchReportIds[${i}]`));
    const live = reports.filter((r) => r.benchResultIds.some((id) => !this.isTerminal(id))).map((r) => r.id);
    const partial = live.length > 0 && live.length < reports.length ? `Not exported (runs still in progress): ${live.join(", ")}` : undefined;
    if (live.length === reports.length) throw new SimError("conflict", "Every report in the batch is still running. Wait for the runs to end, then export.");
    const task = this.addTask("pdf-batch", partial, "reports.zip");
    return { benchReportIds: [...reportIds], taskId: task.id };
  }

  applyCorrelations(projectId: string, virtualUserId: string): { taskId: string } {
    this.virtualUser(projectId, virtualUserId);
    return { taskId: this.addTask("correlation", undefined).id };
  }

  updateReportData(reportId: string): { taskIds: string[] } {
    const report = this.report(reportId, "reportId");
    return { taskIds: report.benchResultIds.map(() => this.addTask("report-data", undefined).id) };
  }

  private addTask(kind: TaskKind, partial: string | undefined, filename?: string): SimTask {
    const task = newTask(this.nextId("task"), kind, this.now(), partial, this.faults, filename);
    this.registry.tasks.set(task.id, task);
    return task;
  }

  task(taskId: string): TaskView & { readonly kind: TaskKind; readonly filename: string | undefined } {
    checkId("taskId", taskId);
    const task = this.registry.tasks.get(taskId);
    if (!task) throw new SimError("not-found", `No task with id "${taskId}". Use the taskId that the export or update tool returned.`);
    return { ...taskAt(task, this.now()), kind: task.kind, filename: task.filename };
  }

  files(benchResultId: string): string[] {
    const run = this.run(benchResultId);
    const pdfs = [...this.registry.tasks.values()]
      .filter((t) => t.kind === "pdf" && t.filename === `${run.reportId}.pdf` && taskAt(t, this.now()).status === "SUCCESS")
      .map((t) => t.filename ?? "");
    return this.isTerminal(run.id) ? ["jmeter.log", "bench.jtl", ...(run.reportId ? pdfs : [])] : ["jmeter.log"];
  }

  fileLines(benchResultId: string, filename: string, offset: number, limit: number): { lines: string[]; total: number } {
    const files = this.files(benchResultId);
    if (!files.includes(filename)) throw new SimError("not-found", `No file "${filename.slice(0, 60)}" for ${benchResultId}. Files: ${files.join(", ")}.`);
    const run = this.run(benchResultId);
    const all = filename === "jmeter.log" ? jmeterLog(run.timeline, this.now()) : [`(${filename} is binary; download it instead)`];
    return { lines: all.slice(offset, offset + limit), total: all.length };
  }
}
