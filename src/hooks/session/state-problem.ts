// The one error the state store raises: the runner turns it into "no
// decision, one line on stderr" (failing open).

export class StateProblem extends Error {
  override name = "StateProblem";
}
