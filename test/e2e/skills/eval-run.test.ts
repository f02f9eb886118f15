// Our graders judge real runs the way we mean them to: the real `claude plugin
// eval` runs a case with a scripted model, once following the skill and once
// not, and the graders tell the two apart.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { text, tool, toolSearch, type Step } from "../harness/script.js";
import { runEvalCase, type EvalRunResult } from "./eval-run.js";

const P = "mcp__plugin_octoperf_octoperf__";
const skill = (name: string) => tool("Skill", { skill: `octoperf:${name}` });
const octo = (name: string, input: Record<string, unknown>) => tool(P + name, input);

function passed(result: EvalRunResult, name: string): boolean {
  const verdict = result.graders.get(name);
  assert.ok(verdict !== undefined, `no grader ${name} in the run:\n${result.output}`);
  return verdict;
}

const pdfAnswers = {
  export_bench_report_pdf: { benchReportId: "rep-400", taskId: "task-1" },
  get_task_result: { taskId: "task-1", status: "SUCCESS" },
  list_bench_result_files: { files: ["jmeter.log", "report-rep-400.pdf"] },
  download_bench_result_file: { url: "https://example.invalid/pdf", method: "GET", expiresAt: "2026-11-24T10:00:00Z" },
};
const pdfTools = Object.keys(pdfAnswers).map((name) => P + name);

describe("eval graders on real eval runs (scripted model)", () => {
  test("the PDF case passes when the skill's sequence is followed", async () => {
    const steps: Step[] = [
      skill("octoperf-export-bench-report-pdf"),
      toolSearch(pdfTools),
      octo("export_bench_report_pdf", { benchReportId: "rep-400" }),
      octo("get_task_result", { taskId: "task-1" }),
      octo("list_bench_result_files", { benchResultId: "br-1" }),
      octo("download_bench_result_file", { benchResultId: "br-1", filename: "report-rep-400.pdf" }),
      text("Here is the link. It works once and expires in a few minutes."),
    ];
    const result = await runEvalCase({ caseName: "pdf-trigger-export-report-pdf", steps, answers: pdfAnswers });
    for (const [name, ok] of result.graders) assert.ok(ok, `${name} failed:\n${result.output}`);
    assert.equal(result.graders.size, 4);
    assert.equal(result.score, 1);
  });

  test("the PDF case fails when the skill is skipped and the link is fetched before the task ends", async () => {
    const steps: Step[] = [
      toolSearch(pdfTools),
      octo("download_bench_result_file", { benchResultId: "br-1", filename: "report-rep-400.pdf" }),
      octo("export_bench_report_pdf", { benchReportId: "rep-400" }),
      octo("get_task_result", { taskId: "task-1" }),
      text("Done: https://example.invalid/pdf"),
    ];
    const result = await runEvalCase({ caseName: "pdf-trigger-export-report-pdf", steps, answers: pdfAnswers });
    assert.equal(passed(result, "skill-triggers"), false);
    assert.equal(passed(result, "export-bench-report-pdf-before-get-task-result"), true);
    assert.equal(passed(result, "get-task-result-before-download-bench-result-file"), false);
    assert.equal(passed(result, "says-link-is-short-lived"), false);
  });

  test("the cron case checks the UTC expression the skill should produce", async () => {
    const run = (expression: string) =>
      runEvalCase({
        caseName: "scheduling-trigger-every-weekday-8am",
        answers: {
          get_scenario_matching_plans: { plans: [{ name: "Standard", parallelRunsSupported: false }] },
          schedule_scenario_cron: { id: "job-1", nextRun: 1764057600000 },
        },
        steps: [
          skill("octoperf-scheduling"),
          toolSearch([P + "get_scenario_matching_plans", P + "schedule_scenario_cron"]),
          octo("get_scenario_matching_plans", { scenarioId: "sc-smoke" }),
          octo("schedule_scenario_cron", { scenarioId: "sc-smoke", expression, name: "Weekday 08:00" }),
          text("Scheduled."),
        ],
      });
    const utc = await run("0 7 * * 1-5");
    assert.equal(passed(utc, "uses-schedule-scenario-cron"), true, utc.output);
    assert.equal(passed(utc, "get-scenario-matching-plans-before-schedule-scenario-cron"), true);
    const local = await run("0 8 * * 1-5");
    assert.equal(passed(local, "uses-schedule-scenario-cron"), false, "08:00 local written as 08:00 UTC must fail");
  });

  test("the polling case passes a paced wait: start, sleep, poll, sleep, poll", async () => {
    const answers = {
      validate_virtual_user: { benchResultId: "br-v1", state: "PENDING" },
      get_virtual_user_validation: { benchResultId: "br-v1", finished: true, state: "FINISHED" },
    };
    const steps: Step[] = [
      skill("octoperf-async-polling"),
      toolSearch([P + "validate_virtual_user", P + "get_virtual_user_validation"]),
      octo("validate_virtual_user", { projectId: "proj-shop", virtualUserId: "vu-login", providerId: "prov-cloud", location: "paris", iterations: 1 }),
      tool("Bash", { command: "sleep 3", description: "wait 3 s (policy cadence)" }),
      octo("get_virtual_user_validation", { projectId: "proj-shop", virtualUserId: "vu-login" }),
      text("The validation FINISHED."),
    ];
    const result = await runEvalCase({ caseName: "polling-trigger-validation-short-sleeps", steps, answers });
    for (const name of ["skill-triggers", "start-before-sleep", "sleep-before-status-call", "no-sleep-refused-by-claude-code", "status-calls-without-burst"]) {
      assert.equal(passed(result, name), true, `${name}:\n${result.output}`);
    }
  });

  test("the polling case fails a burst of status calls with no wait between them", async () => {
    const answers = {
      validate_virtual_user: { benchResultId: "br-v1", state: "PENDING" },
      get_virtual_user_validation: { benchResultId: "br-v1", finished: false, state: "RUNNING" },
    };
    const burst = Array.from({ length: 16 }, () => octo("get_virtual_user_validation", { projectId: "proj-shop", virtualUserId: "vu-login" }));
    const steps: Step[] = [
      toolSearch([P + "validate_virtual_user", P + "get_virtual_user_validation"]),
      octo("validate_virtual_user", { projectId: "proj-shop", virtualUserId: "vu-login", providerId: "prov-cloud", location: "paris", iterations: 1 }),
      ...burst,
      text("Still running."),
    ];
    const result = await runEvalCase({ caseName: "polling-trigger-validation-short-sleeps", steps, answers });
    assert.equal(passed(result, "skill-triggers"), false);
    assert.equal(passed(result, "start-before-sleep"), false);
    assert.equal(passed(result, "status-calls-without-burst"), false, "16 polls back to back must fail the cap");
  });

  test("a near miss passes when the skill stays quiet, and fails when it fires", async () => {
    const quiet = await runEvalCase({ caseName: "scheduling-nearmiss-linux-crontab", steps: [text("0 8 * * 1-5 /usr/local/bin/backup.sh")] });
    assert.equal(passed(quiet, "skill-stays-quiet"), true, quiet.output);
    assert.equal(passed(quiet, "no-schedule-scenario-cron"), true);
    const fired = await runEvalCase({ caseName: "scheduling-nearmiss-linux-crontab", steps: [skill("octoperf-scheduling"), text("0 8 * * 1-5 /usr/local/bin/backup.sh")] });
    assert.equal(passed(fired, "skill-stays-quiet"), false);
  });
});
