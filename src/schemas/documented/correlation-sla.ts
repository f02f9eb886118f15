// Correlation (frameworks and custom rules) and SLA profiles.
import { id, list, obj, oneOf, str, anyObject } from "../json-schema.js";
import { tool, type ToolDefinition } from "../tool-entry.js";

const INJECTION_TARGETS = ["POST_PARAM", "HEADER", "PATH", "QUERY_PARAM", "BODY"] as const;
const framework = str("Correlation framework id");
const rule = str("Correlation rule id");
const sla = str("SLA profile id");

export const CORRELATION_SLA_TOOLS: readonly ToolDefinition[] = [
  tool("list_correlation_frameworks", "List the ready-made correlation rule sets (by web framework).", obj({})),
  tool(
    "add_correlation_framework_to_project",
    "Copy a framework's correlation rules into a project. Synchronous: it answers with the rules it created.",
    obj({ projectId: id.project, frameworkId: framework }),
    obj({ rules: list(anyObject("A created rule"), "Rules added to the project") }),
  ),
  tool("list_correlation_rules", "List the correlation rules of a project.", obj({ projectId: id.project })),
  tool(
    "create_correlation_rule",
    "Create a correlation rule: a regex with one capture group whose value is injected where the recorded value appeared.",
    obj({
      projectId: id.project,
      name: str("Rule name"),
      regex: str("Regular expression with exactly one capture group"),
      "injectionTargets?": list(oneOf(INJECTION_TARGETS, "Where to inject"), "Parts of later requests to rewrite"),
    }),
  ),
  tool("delete_correlation_rule", "Delete a correlation rule.", obj({ projectId: id.project, ruleId: rule })),
  tool("list_sla_profiles", "List the SLA profiles of a project.", obj({ projectId: id.project })),
  tool("get_sla_profile", "Read an SLA profile and its thresholds.", obj({ slaProfileId: sla })),
  tool("list_sla_threshold_defaults", "Show suggested threshold values for the given metrics.", obj({ "metrics?": list(str("Metric"), "Metrics") })),
  tool("create_sla_profile", "Create an SLA profile with thresholds on some metrics.", obj({ projectId: id.project, name: str("Profile name"), metrics: list(anyObject("Metric and thresholds"), "Thresholds") })),
  tool("patch_sla_profile", "Change part of an SLA profile.", obj({ slaProfileId: sla, patch: anyObject("Fields to change") })),
  tool("delete_sla_profile", "Delete an SLA profile.", obj({ slaProfileId: sla })),
  tool("attach_sla_profile_to_virtual_user", "Apply an SLA profile to a virtual user's requests.", obj({ slaProfileId: sla, virtualUserId: id.virtualUser })),
  tool("detach_sla_profile_from_virtual_user", "Remove an SLA profile from a virtual user.", obj({ slaProfileId: sla, virtualUserId: id.virtualUser })),
];
