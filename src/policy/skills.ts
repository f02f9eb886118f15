// The skills this plugin ships; failure routes and "see also" links name them.
export const SKILL_NAMES = [
  "octoperf-async-polling",
  "octoperf-auto-correlation",
  "octoperf-bench-reports",
  "octoperf-export-bench-report-pdf",
  "octoperf-imports",
  "octoperf-monitoring",
  "octoperf-real-browser-probe",
  "octoperf-scenario-design",
  "octoperf-scenario-diagnosis",
  "octoperf-scheduling",
  "octoperf-validation-triage",
  "octoperf-workspace-setup",
] as const;
export type SkillName = (typeof SKILL_NAMES)[number];
