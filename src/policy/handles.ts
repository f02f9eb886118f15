// Handles (ids) are validated before they go into any prompt, command line or
// injected text. OctoPerf ids are short opaque tokens of letters, digits,
// '-' and '_'; nothing else is let through.
import { printable } from "./duration.js";

export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const HANDLE_MAX_LENGTH = 64;

export class HandleError extends Error {
  override name = "HandleError";
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Describe what is wrong with a handle, or return undefined when it is fine. */
export function handleProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, got ${value === null ? "null" : typeof value}`;
  if (value.length === 0) return "is empty";
  if (value.length > HANDLE_MAX_LENGTH) return `is ${value.length} characters long (at most ${HANDLE_MAX_LENGTH})`;
  if (/[\r\n]/.test(value)) return "contains a line break";
  const bad = value.match(/[^A-Za-z0-9_-]/);
  if (bad) return `contains ${JSON.stringify(bad[0])} ("${printable(value)}"); only letters, digits, '-' and '_' are allowed`;
  if (!HANDLE_PATTERN.test(value)) return `must start with a letter or digit ("${printable(value)}")`;
  return undefined;
}

/** Return the handle when valid; throw a HandleError naming the field otherwise. */
export function validateHandle(field: string, value: unknown): string {
  const problem = handleProblem(value);
  if (problem !== undefined) throw new HandleError(field, problem);
  return value as string;
}

export function isHandle(value: unknown): value is string {
  return handleProblem(value) === undefined;
}
