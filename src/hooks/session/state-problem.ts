// The one error the state store raises: the runner turns it into "no
// decision, one line on stderr" (failing open).

export class StateProblem extends Error {
  override name = "StateProblem";
}

/** The `code` of a Node error (ENOENT, EEXIST...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}
