// What the simulated platform holds, as maps with a plain-JSON snapshot, so a
// state file can share it between processes.
import type { Timeline } from "./timeline.js";
import type { SimTask } from "./tasks.js";

export interface Run {
  readonly id: string;
  readonly reportId: string | undefined;
  readonly scenarioId: string | undefined;
  readonly virtualUserId: string | undefined;
  readonly projectId: string;
  readonly createdAt: number;
  timeline: Timeline;
}

export interface BenchReport {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly benchResultIds: readonly string[];
}

/** A presigned JTL upload waiting for its file. */
export interface Upload {
  readonly token: string;
  readonly projectId: string;
  readonly expiresAt: number;
}

/** Everything a platform knows, as plain JSON. */
export interface PlatformState {
  readonly counter: number;
  readonly runs: readonly Run[];
  readonly reports: readonly BenchReport[];
  readonly tasks: readonly SimTask[];
  readonly validations: ReadonlyArray<readonly [string, string]>;
  readonly uploads?: readonly Upload[];
}

export class Registry {
  readonly runs = new Map<string, Run>();
  readonly reports = new Map<string, BenchReport>();
  readonly tasks = new Map<string, SimTask>();
  readonly validations = new Map<string, string>();
  readonly uploads = new Map<string, Upload>();
  private counter = 0;

  /** "bench-0002": short, valid handles, in creation order. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter.toString(36).padStart(4, "0")}`;
  }

  get count(): number {
    return this.counter;
  }

  snapshot(): PlatformState {
    return {
      counter: this.counter,
      runs: [...this.runs.values()],
      reports: [...this.reports.values()],
      tasks: [...this.tasks.values()],
      validations: [...this.validations.entries()],
      uploads: [...this.uploads.values()],
    };
  }

  restore(state: PlatformState): void {
    this.counter = state.counter;
    const fill = <T>(map: Map<string, T>, items: readonly T[], key: (item: T) => string): void => {
      map.clear();
      for (const item of items) map.set(key(item), item);
    };
    fill(this.runs, state.runs.map((run) => ({ ...run })), (run) => run.id);
    fill(this.reports, state.reports, (report) => report.id);
    fill(this.tasks, state.tasks, (task) => task.id);
    fill(this.uploads, state.uploads ?? [], (upload) => upload.token);
    this.validations.clear();
    for (const [key, id] of state.validations) this.validations.set(key, id);
  }
}
