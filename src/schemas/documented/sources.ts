// The public sources the documented catalog is written from, and how they are
// cited in `_meta.source` of each tool.
import { PLUGIN_FILE_COMMITS, PLUGIN_FOLDER, PLUGIN_REPOSITORY } from "./plugin-audit.js";

/** Files of OctoPerf's public plugin (paths under plugins/octoperf/). */
export const AGENTS_MD = "AGENTS.md";
export const pluginSkill = (name: string): string => `skills/octoperf-${name}/SKILL.md`;

/** OctoPerf's Maven plugin: the bench result states of its REST client. */
export const MAVEN_BENCH_STATES = "OctoPerf/octoperf-maven-plugin: runtime/runtime-entity/src/main/java/com/octoperf/entity/runtime/BenchResultState.java";
/** OctoPerf's Maven plugin: the bench result entity of its REST client. */
export const MAVEN_BENCH_RESULT = "OctoPerf/octoperf-maven-plugin: runtime/runtime-entity/src/main/java/com/octoperf/entity/runtime/BenchResult.java";
/** The Jenkins plugin's copy of the states, which adds SCHEDULED. */
export const JENKINS_BENCH_STATES = "jenkinsci/octoperf-plugin: src/main/java/org/jenkinsci/plugins/octoperf/result/BenchResultState.java";

/**
 * Tools no public source we could read names: they come from the team's
 * summary of OctoPerf's agent guide, and every part of them is unverified.
 */
export const TEAM_SUMMARY = "shared/reference/octoperf-tools.md (team summary of OctoPerf's agent guide; no public copy found)";

/** "OctoPerf/octoperf-claude-plugins@71f8454: plugins/octoperf/AGENTS.md" for a plugin file; other citations as they are. */
export function citation(source: string): string {
  if (source.includes(": ")) return source;
  const commit = PLUGIN_FILE_COMMITS[source];
  return `${PLUGIN_REPOSITORY}${commit && commit !== "unknown" ? `@${commit.slice(0, 7)}` : ""}: ${PLUGIN_FOLDER}/${source}`;
}
