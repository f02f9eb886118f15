// One line per operation (start -> handle -> poll; failure -> skill), for the body of the polling skill, where the
// full tables would cost too many characters.
import { OPERATIONS } from "../../policy/operations.js";
import { list } from "../markdown.js";
import { code, orList } from "../../calls/words.js";
import { callShape } from "./operations.js";

export function startTools(): string {
  return list(
    OPERATIONS.map((op) => {
      const start = op.handle.source === "upload" ? `${code(op.startTool)} (then the upload's answer)` : code(op.startTool);
      const handle = op.handle.many ? `${code(op.handle.field)} (poll each)` : code(op.handle.field);
      const polls = [op.status, ...op.alternatives].map((call) => code(callShape(call))).join(" or ");
      return `${start} -> ${handle} -> ${polls}`;
    }),
  );
}

export function failureSkills(): string {
  const bySkill = new Map<string, string[]>();
  for (const op of OPERATIONS) {
    const failed = op.terminal.filter((a) => a.outcome !== "succeeded" && a.next.skill);
    if (failed.length === 0) continue;
    const skill = failed[0]!.next.skill!;
    const entry = `${op.title.toLowerCase()} ${orList(failed.map((a) => code(a.value)))}`;
    bySkill.set(skill, [...(bySkill.get(skill) ?? []), entry]);
  }
  return list([...bySkill].map(([skill, entries]) => `${entries.join("; ")} -> ${code(skill)}`));
}
