// Human durations ("90s", "10m", "1h30m", "2h") to seconds and back.

export const MAX_DURATION_S = 7 * 24 * 3600;

const UNIT_SECONDS: Readonly<Record<string, number>> = { d: 86400, h: 3600, m: 60, s: 1 };
const DURATION_RE = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/;

export class DurationError extends Error {
  override name = "DurationError";
}

/**
 * Parse a duration. A bare number is seconds. Units: d, h, m, s, in that
 * order, each at most once ("1h30m"). Throws a DurationError that says what
 * is wrong with the value.
 */
export function parseDuration(text: string, field = "duration"): number {
  const value = text.trim().toLowerCase();
  if (value.length === 0) throw new DurationError(`${field}: empty; use e.g. 90s, 10m or 1h30m`);
  if (value.length > 24) throw new DurationError(`${field}: too long (${value.length} characters); use e.g. 90s, 10m or 1h30m`);
  let seconds: number;
  if (/^\d{1,7}$/.test(value)) {
    seconds = Number(value);
  } else {
    const match = DURATION_RE.exec(value);
    if (!match || match.slice(1).every((part) => part === undefined)) {
      throw new DurationError(`${field}: "${printable(value)}" is not a duration; use e.g. 90s, 10m or 1h30m`);
    }
    const [, d, h, m, s] = match;
    seconds =
      Number(d ?? 0) * UNIT_SECONDS.d! +
      Number(h ?? 0) * UNIT_SECONDS.h! +
      Number(m ?? 0) * UNIT_SECONDS.m! +
      Number(s ?? 0);
  }
  if (seconds <= 0) throw new DurationError(`${field}: must be more than 0 seconds`);
  if (seconds > MAX_DURATION_S) throw new DurationError(`${field}: ${seconds} s is more than the 7-day maximum`);
  return seconds;
}

/** "45s", "10m", "1h30m", "2h": the shortest exact form. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return "0s";
  let out = "";
  for (const unit of ["d", "h", "m", "s"] as const) {
    const size = UNIT_SECONDS[unit]!;
    const count = Math.floor(rest / size);
    if (count > 0) out += `${count}${unit}`;
    rest -= count * size;
  }
  return out;
}

/** Keep only safe printable characters of a bad value for an error message. */
export function printable(value: string, max = 40): string {
  const clean = value.replace(/[^\x20-\x7e]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}... (${value.length} chars)` : clean;
}
