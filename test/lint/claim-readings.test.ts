// Claims read through a real temporary plugin, one sentence at a time. A
// stated pace is read the way the pace guard does: under the guard's minimum
// gap is an error (the poll would be refused), at or above it up to N is on
// time, slower than N is a warning (let through, heard late). Ends and
// progress are read in the tenth batch's wordings (claims-tenth-review).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { lint } from "../../src/lint/engine.js";
import { cadenceFor, minimumGapSeconds } from "../../src/policy/index.js";

const root = mkdtempSync(join(tmpdir(), "octoperf-claim-readings-"));
after(() => rmSync(root, { recursive: true, force: true }));

function findings(sentence: string, ruleId: string) {
  const dir = join(root, "skills", "pace");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "SKILL.md"), `---\nname: pace\ndescription: Use when pacing polls of an OctoPerf run.\n---\n\n# Pace\n\n${sentence}\n`);
  return lint({ root }).filter((d) => d.ruleId === ruleId).map((d) => d.severity);
}
const cadenceFindings = (sentence: string) => findings(sentence, "policy-cadence");

describe("policy-cadence reads a pace as the pace guard does", () => {
  // A 4-minute run: N = 24 s, and the guard lets polls through from its minimum gap.
  const n = cadenceFor(240);
  const floor = minimumGapSeconds(n);

  it("calls a pace under the guard's minimum gap an error", () => {
    assert.deepEqual(cadenceFindings(`Poll a 4-minute run with get_bench_result every ${floor - 1} s.`), ["error"]);
  });

  it("lets a pace from the minimum gap up to N pass", () => {
    assert.deepEqual(cadenceFindings(`Poll a 4-minute run with get_bench_result every ${floor} s.`), []);
    assert.deepEqual(cadenceFindings(`Poll a 4-minute run with get_bench_result every ${n} s.`), []);
  });

  it("calls a pace slower than N a warning", () => {
    assert.deepEqual(cadenceFindings(`Poll a 4-minute run with get_bench_result every ${n + 16} s.`), ["warning"]);
  });

  it("stays silent on a pace a sentence turns down", () => {
    assert.deepEqual(cadenceFindings("You shouldn't poll a 30-second PDF export every second; 3 s is the floor."), []);
  });
});

describe("claims read apart from the words that look like them", () => {
  it("takes no value of a set as the set's qualifier (`SUCCESS` does not make a list a success list)", () => {
    assert.deepEqual(findings("- `report_data.terminal`: [`SUCCESS`, `FAILED`] for each of the task ids", "policy-terminal"), []);
    assert.deepEqual(findings("- `report_data.terminal`: [`SUCCESS`, `RUNNING`] for each of the task ids", "policy-terminal"), ["error"]);
  });

  it("reads an end said as 'stop on', 'lands on' or 'unless ..., poll again', and an 'unless' that gates a step as no end", () => {
    assert.deepEqual(findings("| a scenario run | stop on `FINISHED` or `ABORTED`, the two ways a run can end |", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("Its task can only land on `SUCCESS`, `FAILED` or `PENDING`.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("Unless the state is `FINISHED`, `ABORTED`, `ERROR` or `SCHEDULED`, poll again.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("Unless the state is `FINISHED`, `ABORTED` or `ERROR`, poll again.", "policy-terminal"), []);
    assert.deepEqual(findings("Unless its task reads `SUCCESS`, don't trust `get_report_summary_values` yet.", "policy-terminal"), []);
    assert.deepEqual(findings("If a validation has ended, its `state` is `FINISHED` or `ERROR` and nothing else.", "policy-terminal"), ["error"], "the end as what the state is once ended");
    assert.deepEqual(findings("If a validation has ended, its `state` is `FINISHED`, `ABORTED` or `ERROR`.", "policy-terminal"), []);
  });

  it("reads a harness limit said in words, and a background Bash named by run_in_background", () => {
    assert.deepEqual(findings("Claude Code already refuses a standalone sleep of fifteen seconds or more.", "harness-claims"), ["error"]);
    assert.deepEqual(findings("Claude Code refuses a sleep of thirty seconds or more.", "harness-claims"), [], "the refusal threshold is under thirty: true");
    assert.deepEqual(findings("A `run_in_background` call is capped at thirty minutes whatever `timeout` you give it.", "harness-claims"), ["error"]);
    assert.deepEqual(findings("A background Bash can run for up to two hours.", "harness-claims"), [], "the cap, in words");
    assert.deepEqual(findings("`ScheduleWakeup` will hold off for two hours if you pass it `delaySeconds: 7200`.", "harness-claims"), ["error"]);
  });

  it("reads a start tool said to hold the call or hand back its product, in the passive or by 'the time the answer arrives'", () => {
    assert.deepEqual(findings("The zip link for the whole batch is handed back by `export_bench_reports_pdf` itself.", "policy-async"), ["error"]);
    assert.deepEqual(findings("The taskId is handed back by `export_bench_reports_pdf`.", "policy-async"), [], "a handle is no product");
    assert.deepEqual(findings("The PDF is not handed back by `export_bench_report_pdf`.", "policy-async"), []);
    assert.deepEqual(findings("| `update_report_data` has answered | the report has been rebuilt by the time that answer arrives |", "policy-async"), ["error"]);
    assert.deepEqual(findings("`validate_virtual_user` sits there until the iterations are done.", "policy-async"), ["error"]);
  });

  it("reads /loop said to keep a sub-minute cadence to the second, not that claim negated", () => {
    assert.deepEqual(findings("While N is below a minute, `/loop` follows it to the second.", "policy-loop-floor"), ["error"]);
    assert.deepEqual(findings("With `/loop` the cadence is rounded up to the minute, so it never follows N to the second.", "policy-loop-floor"), []);
  });

  it("reads an answer with what its question named: the work's duration, the scheduler", () => {
    assert.deepEqual(findings("> **Priya:** and for the 10-minute regression run?\n>\n> **Tom:** four polls a minute should be plenty.", "policy-cadence"), ["error"]);
    assert.deepEqual(findings("> **Priya:** and for the 10-minute regression run?\n>\n> **Tom:** one poll a minute.", "policy-cadence"), []);
    assert.deepEqual(findings("> I'm on ScheduleWakeup today. The 4-minute job?\n>\n> Let it wake you every 24 seconds, that's N.", "policy-loop-floor"), ["error"]);
    assert.deepEqual(findings("> I'm on ScheduleWakeup today. The soak?\n>\n> Let it wake you every 90 seconds.", "policy-loop-floor"), [], "ScheduleWakeup takes any delay from its floor, not whole minutes only");
  });

  it("reads a permission that points back to the sleep named just before it", () => {
    assert.deepEqual(findings("Switched the poll to a Bash `sleep 30` between calls; Claude Code runs that without complaint.", "harness-claims"), ["error"]);
    assert.deepEqual(findings("Switched the poll to a Bash `sleep 20` between calls; Claude Code runs that without complaint.", "harness-claims"), [], "under the refusal threshold: true");
  });

  it("reads a limit written as a checklist key and its value", () => {
    assert.deepEqual(findings("- `monitor.max_timeout_ms`: 3600000, a full hour", "harness-claims"), ["error"]);
    assert.deepEqual(findings("- `bash_background.max_timeout_ms`: 7200000", "harness-claims"), [], "the cap");
    assert.deepEqual(findings("- `monitor.default_timeout_s`: 300", "harness-claims"), [], "the default, in seconds");
    assert.deepEqual(findings("- `monitor.default_timeout_s`: 600", "harness-claims"), ["error"]);
  });

  it("reads 'X, not whether it has ended' as turning the claim down", () => {
    assert.deepEqual(findings("`get_bench_status` tells you how much of the planned time has gone by, not whether the run has ended.", "policy-progress"), []);
    assert.deepEqual(findings("`get_bench_status` tells you when the run has ended.", "policy-progress"), ["error"]);
  });
});

describe("harness-claims reads a permission put as a condition as no claim", () => {
  it("grants nothing with 'where the harness allows it', and still reads a permission of Claude Code said outright", () => {
    assert.deepEqual(findings("Always pace the polls: a bounded sleep where the harness allows it, otherwise its scheduler (Claude Code: `/loop`).", "harness-claims"), []);
    assert.deepEqual(findings("Sleep 40 s between polls wherever your harness allows it; in Claude Code use `/loop`.", "harness-claims"), []);
    assert.deepEqual(findings("Claude Code always runs a `sleep 40` between two polls.", "harness-claims"), ["error"]);
  });
});

describe("claims read through the words around a tool", () => {
  it("reads a catalog tool named bare in prose as a tool, and no other snake_case word", () => {
    assert.deepEqual(findings("- The call to export_bench_report_pdf holds the line until the PDF is rendered, so there is nothing to poll.", "policy-async"), ["error"]);
    assert.deepEqual(findings("- The call to export_report_now holds the line until the PDF is rendered, so there is nothing to poll.", "policy-async"), []);
  });

  it("splits a bold question from its answer, and reads neither a question nor its tool as the answer's claim unless the answer points back", () => {
    assert.deepEqual(findings("**Can /loop check every 30 seconds?**\nNo: cron's finest step is a minute.", "policy-loop-floor"), []);
    assert.deepEqual(findings("**Does `validate_virtual_user` tell me whether the user is valid?**\nYes, its reply already carries the pass/fail verdict.", "policy-async"), ["error"]);
    assert.deepEqual(findings("**Does `validate_virtual_user` tell me whether the user is valid?**\nNo, its reply carries a benchResultId; the verdict comes from get_virtual_user_validation.", "policy-async"), []);
  });

  it("takes a sleep asked about for no step to run", () => {
    assert.deepEqual(findings("> **lee:** Could I just put a `sleep 45` between polls?", "claude-code-calls"), []);
    assert.deepEqual(findings("Put a `sleep 45` between polls.", "claude-code-calls"), ["error"]);
  });
});

describe("a start tool's answer taken for its finished work", () => {
  it("reads a use 'right after' or 'as soon as' the start answered, and lets one after the wait pass", () => {
    assert.deepEqual(findings("Re-run `validate_virtual_user` right after `apply_correlations_to_virtual_user` hands you its taskId.", "wait-before-use"), ["error"]);
    assert.deepEqual(findings("You can ask `get_report_summary_values` for numbers as soon as `run_scenario` has replied with its ids.", "wait-before-use"), ["error"]);
    assert.deepEqual(findings("Ask `get_report_summary_values` for numbers once `run_scenario`'s bench result reads FINISHED.", "wait-before-use"), []);
    assert.deepEqual(findings("Never call `validate_virtual_user` right after `apply_correlations_to_virtual_user` returns.", "wait-before-use"), []);
  });

  it("reads a table of what a start hands back, and a start that 'doesn't return until' its work is over", () => {
    const table = (answer: string) => `| Tool you started | What it hands back |\n|---|---|\n| import_jtl_report | ${answer} |`;
    assert.deepEqual(findings(table("nothing until the import has fully landed"), "policy-async"), ["error"]);
    assert.deepEqual(findings(table("a taskId, before the import is done"), "policy-async"), []);
    assert.deepEqual(findings("It's fine, `run_scenario` doesn't return until the bench has finished.", "policy-async"), ["error"]);
    assert.deepEqual(findings("`run_scenario` doesn't wait: it returns the ids before the bench has finished.", "policy-async"), []);
  });
});

describe("ends, paces and limits in the eleventh batch's wordings", () => {
  it("reads a table row that calls a value final, and an unknown value listed beside known ones", () => {
    const row = (cells: string) => `| Status you read | Meaning |\n|---|---|\n| ${cells} |`;
    assert.deepEqual(findings(row("get_task_result says PARTIAL for a single export_bench_report_pdf | final, some pages missing"), "policy-terminal"), ["error"]);
    assert.deepEqual(findings(row("get_task_result says PARTIAL for export_bench_reports_pdf | final, some pages missing"), "policy-terminal"), []);
    assert.deepEqual(findings(row("get_bench_result says SCALING | final, the cloud gave up"), "policy-terminal"), ["error"]);
    assert.deepEqual(findings(row("get_task_result says PENDING | still in flight, keep polling"), "policy-terminal"), []);
    assert.deepEqual(findings("A task is over once it reads SUCCESS, FAILED or TIMEOUT.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("A task is over once it reads SUCCESS or FAILED (a PDF export).", "policy-terminal"), []);
  });

  it("reads a pace said as a quantity ('a 5-second poll', 'the interval ... is six minutes')", () => {
    assert.deepEqual(findings("For a two-minute validation, a 5-second poll is inside the allowed band.", "policy-cadence"), ["error"]);
    assert.deepEqual(findings("For a two-minute validation, a 10-second poll is inside the allowed band.", "policy-cadence"), []);
    assert.deepEqual(findings("The computed interval for an hour-long soak is six minutes.", "policy-cadence"), ["warning"]);
    assert.deepEqual(findings("The computed interval for an hour-long soak is one minute.", "policy-cadence"), []);
  });

  it("reads ScheduleWakeup(45) as a delay handed over, and a limit its question names", () => {
    assert.deepEqual(findings("Then ScheduleWakeup(45) it is; it will wake me at exactly 45 s.", "policy-loop-floor"), ["error"]);
    assert.deepEqual(findings("Then ScheduleWakeup(90) it is.", "policy-loop-floor"), []);
    assert.deepEqual(findings("**And a background Bash job?**\nIts default timeout is two hours, the same as its cap.", "harness-claims"), ["error"]);
    assert.deepEqual(findings("**And a background Bash job?**\nIts default timeout is thirty minutes; two hours is its cap.", "harness-claims"), []);
  });
});

describe("claims in the twelfth batch's wordings", () => {
  it("reads one value said to end a wait, and 'the only status that ends'", () => {
    assert.deepEqual(findings("and SCALING is where a validation ends, so I stop there.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("Stop polling the validation as soon as the state reads INITIALIZING.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("SUCCESS is the only status that ends a get_task_result wait.", "policy-terminal"), ["error"]);
    assert.deepEqual(findings("SCALING is still running; only FINISHED, ABORTED or ERROR end that wait.", "policy-terminal"), []);
    assert.deepEqual(findings("If the state is ABORTED or ERROR, the wait is over and the run failed.", "policy-terminal"), []);
  });

  it("reads paces in words and a work's length put as an aside", () => {
    assert.deepEqual(findings("| batch export of many reports, about two minutes | poll every five seconds |", "policy-cadence"), ["error"]);
    assert.deepEqual(findings("| batch export of many reports, about two minutes | poll every twelve seconds |", "policy-cadence"), []);
    assert.deepEqual(findings("For a ten-minute scenario run, poll every five minutes.", "policy-cadence"), ["warning"]);
  });

  it("reads a delay given to ScheduleWakeup by its parameter or before its name, and a timeout set past the cap", () => {
    assert.deepEqual(findings("| you want a wake-up in thirty seconds | ScheduleWakeup with delaySeconds 30 |", "policy-loop-floor"), ["error"]);
    assert.deepEqual(findings("| you want a wake-up in ninety seconds | ScheduleWakeup with delaySeconds 90 |", "policy-loop-floor"), []);
    assert.deepEqual(findings("Twenty seconds works, since ScheduleWakeup fires after whatever delaySeconds you pass.", "policy-loop-floor"), ["error"]);
    assert.deepEqual(findings("> Reviewer: the Monitor call sets timeout 3600000, which is within its limit.", "harness-claims"), ["error"]);
    assert.deepEqual(findings("> Reviewer: the Monitor call sets timeout 1800000, which is within its limit.", "harness-claims"), []);
    assert.deepEqual(findings("Leave a background Bash watcher on it for the whole weekend, and run_in_background allows that much.", "harness-claims"), ["error"]);
  });

  it("reads a frozen value taken for a running run, and results said final too soon", () => {
    assert.deepEqual(findings("| progress frozen at 0.7 for a long while | the run is still going, only slowly |", "policy-progress"), ["error"]);
    assert.deepEqual(findings("| progress frozen at 0.7 for a long while | it may have aborted: read the state |", "policy-progress"), []);
    assert.deepEqual(findings("Summaries read while a bench result is still RUNNING already carry the final figures.", "wait-before-use"), ["error"]);
    assert.deepEqual(findings("Summaries read while a bench result is still RUNNING are not final yet.", "wait-before-use"), []);
    assert.deepEqual(findings("As long as the first of its taskIds says SUCCESS, the values are fresh.", "wait-before-use"), ["error"]);
    assert.deepEqual(findings("Read the summary once every one of its taskIds says SUCCESS or FAILED.", "wait-before-use"), []);
  });

  it("reads a handle taken for proof of the end, and the finished product said to be there at the start's answer", () => {
    assert.deepEqual(findings("Treat the taskIds from update_report_data as proof that the report data is already refreshed.", "policy-async"), ["error"]);
    assert.deepEqual(findings("| Situation | What to do |\n|---|---|\n| export_bench_report_pdf has just returned | you already hold the finished PDF, so attach it |", "policy-async"), ["error"]);
    assert.deepEqual(findings("| Situation | What to do |\n|---|---|\n| export_bench_report_pdf has just returned | poll get_task_result with its taskId |", "policy-async"), []);
  });
});
