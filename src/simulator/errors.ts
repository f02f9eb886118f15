// Errors of the simulated platform. Each carries a message a user can act
// on; the MCP layer turns them into tool errors, the REST layer into 4xx.

export type SimErrorKind = "not-found" | "bad-argument" | "conflict";

export class SimError extends Error {
  override name = "SimError";
  constructor(
    readonly kind: SimErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Readonly<Record<SimErrorKind, number>> = { "not-found": 404, "bad-argument": 400, conflict: 409 };
