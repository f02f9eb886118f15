// Every skill a file names (see also, failure routes) exists in skills/.
import type { Finding, LintContext, LintFile, Rule } from "../types.js";

const NAME_RE = /(?<![\w@/.-])octoperf-[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-]|\.[a-z]{1,4}\b)/g;

function check(file: LintFile, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  file.scan.lines.forEach((text, index) => {
    if (index < file.scan.frontmatterEnd && /^name:/.test(text)) return; // the frontmatter rule checks it
    for (const match of text.matchAll(NAME_RE)) {
      const name = match[0];
      if (context.skills.has(name) || context.notSkills.has(name)) continue;
      findings.push({ line: index + 1, column: match.index! + 1, message: `no skill named "${name}" under skills/` });
    }
  });
  return findings;
}

export const skillReferencesRule: Rule = {
  id: "skill-references",
  description: "every `octoperf-*` skill named (see also, failure routes) exists under `skills/`",
  check,
};
