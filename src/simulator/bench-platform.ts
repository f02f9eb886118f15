// The bench side of the simulated platform: scenarios, runs (scenario runs
// and validations), reports, all answering from one clock.
import { handleProblem, longestProfileSeconds } from "../policy/index.js";
import type { SimClock } from "./clock.js";
import { NO_FAULTS, type FaultPlan } from "./faults.js";
import { SimError } from "./errors.js";
import { SAMPLE_FIXTURES, type Fixtures, type SampleScenario, type Scenario } from "./fixtures.js";
import { buildTimeline, endedAt, progressAt, stateAt, stopTimeline } from "./timeline.js";
import { Registry, type BenchReport, type PlatformState, type Run } from "./registry.js";

export interface PlatformDeps {
  readonly clock: SimClock;
  readonly faults?: FaultPlan;
  readonly fixtures?: Fixtures;
}

export interface BenchResultView {
  readonly id: string;
  readonly benchReportId: string | undefined;
  readonly scenarioId: string | undefined;
  readonly designProjectId: string;
  readonly resultProjectId: string;
  readonly state: string;
  readonly created: number;
  readonly lastModified: number;
}

export class BenchPlatform {
  readonly faults: FaultPlan;
  protected readonly fixtures: Fixtures;
  protected readonly registry = new Registry();
  private readonly extraScenarios = new Map<string, SampleScenario>();

  constructor(private readonly deps: PlatformDeps) {
    this.faults = deps.faults ?? NO_FAULTS;
    this.fixtures = deps.fixtures ?? SAMPLE_FIXTURES;
  }

  now(): number {
    return this.deps.clock.now();
  }

  snapshot(): PlatformState {
    return this.registry.snapshot();
  }

  restore(state: PlatformState): void {
    this.registry.restore(state);
  }

  protected nextId(prefix: string): string {
    return this.registry.nextId(prefix);
  }

  /** Add a scenario at run time (the benchmark makes runs of exact lengths). */
  addScenario(sample: SampleScenario): void {
    this.extraScenarios.set(sample.scenario.id, sample);
  }

  private sample(scenarioId: string): SampleScenario {
    checkId("scenarioId", scenarioId);
    const found = this.extraScenarios.get(scenarioId) ?? this.fixtures.scenarios.find((s) => s.scenario.id === scenarioId);
    if (!found) {
      const known = [...this.fixtures.scenarios.map((s) => s.scenario.id), ...this.extraScenarios.keys()].join(", ");
      throw new SimError("not-found", `No scenario with id "${scenarioId}". Scenarios of this workspace: ${known}.`);
    }
    return found;
  }

  scenario(scenarioId: string): Scenario {
    return this.sample(scenarioId).scenario;
  }

  runScenario(scenarioId: string): BenchReport {
    const sample = this.sample(scenarioId);
    const loadSeconds = longestProfileSeconds(sample.scenario) ?? 0;
    const reportId = this.nextId("report");
    const ids: string[] = [];
    for (let i = 0; i < sample.resultsPerRun; i += 1) {
      const id = this.nextId("bench");
      const createdAt = this.now();
      this.registry.runs.set(id, {
        id,
        reportId,
        scenarioId,
        virtualUserId: undefined,
        projectId: sample.scenario.projectId,
        createdAt,
        timeline: buildTimeline(createdAt, loadSeconds, this.faults),
      });
      ids.push(id);
    }
    const report: BenchReport = { id: reportId, projectId: sample.scenario.projectId, name: `${sample.scenario.name} #${this.registry.count}`, benchResultIds: ids };
    this.registry.reports.set(reportId, report);
    return report;
  }

  protected run(benchResultId: string): Run {
    checkId("benchResultId", benchResultId);
    const run = this.registry.runs.get(benchResultId);
    if (!run) {
      throw new SimError("not-found", `No bench result with id "${benchResultId}". Use an id from benchResultIds of run_scenario or from validate_virtual_user.`);
    }
    return run;
  }

  benchResult(benchResultId: string): BenchResultView {
    const run = this.run(benchResultId);
    const now = this.now();
    return {
      id: run.id,
      benchReportId: run.reportId,
      scenarioId: run.scenarioId,
      designProjectId: run.projectId,
      resultProjectId: run.projectId,
      state: stateAt(run.timeline, now),
      created: run.createdAt,
      lastModified: Math.min(now, Math.max(run.createdAt, ...run.timeline.segments.filter((s) => s.from <= now).map((s) => s.from))),
    };
  }

  /** Elapsed-time progress, 0-100. It never says that a run ended. */
  progress(benchResultId: string): number {
    return progressAt(this.run(benchResultId).timeline, this.now());
  }

  stop(benchResultId: string): BenchResultView {
    const run = this.run(benchResultId);
    run.timeline = stopTimeline(run.timeline, this.now());
    return this.benchResult(benchResultId);
  }

  /** Simulated ms at which the run ends (or ended). */
  endsAt(benchResultId: string): number {
    return endedAt(this.run(benchResultId).timeline);
  }

  validate(projectId: string, virtualUserId: string, iterations: number): { benchResultId: string; state: string } {
    const vu = this.virtualUser(projectId, virtualUserId);
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 20) {
      throw new SimError("bad-argument", `iterations must be a whole number from 1 to 20, got ${String(iterations)}.`);
    }
    const id = this.nextId("bench");
    const createdAt = this.now();
    const timeline = buildTimeline(createdAt, vu.iterationSeconds * iterations, this.faults);
    this.registry.runs.set(id, { id, reportId: undefined, scenarioId: undefined, virtualUserId, projectId, createdAt, timeline });
    this.registry.validations.set(`${projectId}/${virtualUserId}`, id);
    return { benchResultId: id, state: stateAt(timeline, createdAt) };
  }

  validation(projectId: string, virtualUserId: string): { finished: boolean; state: string; benchResultId: string } {
    this.virtualUser(projectId, virtualUserId);
    const id = this.registry.validations.get(`${projectId}/${virtualUserId}`);
    if (!id) throw new SimError("not-found", `Virtual user "${virtualUserId}" has never been validated. Start one with validate_virtual_user.`);
    const state = this.benchResult(id).state;
    const run = this.run(id);
    return { finished: endedAt(run.timeline) <= this.now(), state, benchResultId: id };
  }

  protected virtualUser(projectId: string, virtualUserId: string) {
    checkId("projectId", projectId);
    checkId("virtualUserId", virtualUserId);
    if (projectId !== this.fixtures.projectId) throw new SimError("not-found", `No project with id "${projectId}". This workspace has ${this.fixtures.projectId}.`);
    const vu = this.fixtures.virtualUsers.find((v) => v.id === virtualUserId);
    if (!vu) {
      throw new SimError("not-found", `No virtual user "${virtualUserId}" in ${projectId}. Known: ${this.fixtures.virtualUsers.map((v) => v.id).join(", ")}.`);
    }
    return vu;
  }

  report(reportId: string, field = "benchReportId"): BenchReport {
    checkId(field, reportId);
    const report = this.registry.reports.get(reportId);
    if (!report) throw new SimError("not-found", `No bench report with id "${reportId}". Use the benchReportId that run_scenario returned.`);
    return report;
  }

  protected isTerminal(benchResultId: string): boolean {
    return endedAt(this.run(benchResultId).timeline) <= this.now();
  }
}

export function checkId(field: string, value: unknown): void {
  const problem = handleProblem(value);
  if (problem !== undefined) throw new SimError("bad-argument", `${field} ${problem}.`);
}
