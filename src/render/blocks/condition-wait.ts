// Generated regions for the waits with no handle:
//   <!-- generated:condition-wait condition=agents-up -->  the note a workflow skill embeds
//   <!-- generated:condition-waits -->                     one line per condition, for the polling skill
import { CONDITIONS, condition, conditionCadence, conditionDeadline, isConditionId, CONDITION_IDS, type ConditionId } from "../../policy/conditions.js";
import { formatDuration } from "../../policy/duration.js";
import { list } from "../markdown.js";
import { code } from "../../calls/words.js";
import { conditionNote, readyText } from "../../calls/condition-calls.js";

export function conditionParam(region: string, params: Readonly<Record<string, string>>): ConditionId {
  const id = params.condition;
  if (!isConditionId(id)) throw new Error(`${region} needs condition=<${CONDITION_IDS.join("|")}>, got "${id ?? ""}"`);
  return id;
}

export function conditionWait(params: Readonly<Record<string, string>>): string {
  return conditionNote(condition(conditionParam("condition-wait", params)));
}

export function conditionWaits(): string {
  return list(
    CONDITIONS.map((cond) => {
      const call = `${cond.read.tool}(${cond.read.keyArgs.join(", ")})`;
      const after = cond.armedBy ? ` after ${code(cond.armedBy.tool)}` : "";
      return (
        `${cond.title}${after}: no handle; re-read ${code(call)} every ${conditionCadence(cond)} s until ${readyText(cond)} ` +
        `(give up after ${formatDuration(conditionDeadline(cond))}; the skill ${code(cond.ready.next.skill ?? "octoperf-async-polling")} says what to do).`
      );
    }),
  );
}
