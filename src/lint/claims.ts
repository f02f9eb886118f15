// What a sentence claims, whatever its words: the rules that judge prose read
// a sentence (a paragraph's sentence, a list item, a table row) as a claim
// about a subject, a value set against it and a consequence, and check the
// claim against the policy, not the phrase.
//   "Keep polling as long as the progress stays under 1"  -> progress, below 1, keeps going
//   "The run is done once progress reaches 100 %"          -> progress, at 100, ends
//   "Hand /loop exactly that interval"                      -> /loop, the poll cadence
// Every pattern here is linear: no nested quantifiers, bounded gaps.

/** What the sentence says follows from the comparison. */
export type Consequence = "ends" | "continues";

/** A number set against something: "less than 1" is below 1; "reaches 100 %" is at 100. */
export interface Comparison {
  readonly side: "below" | "at";
  readonly value: number;
  /** Offset of the comparison in the sentence. */
  readonly offset: number;
  readonly text: string;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(?:%|percent\b)?`;
/** Words and signs that put a value under a mark. */
const BELOW = String.raw`<=?|≤|(?:is |stays? |remains? |sits? |reads? |shows? )?(?:less than|lower than|smaller than|below|under|short of|beneath)|(?:has(?:n't| not)|did(?:n't| not)|does(?:n't| not)) (?:yet )?(?:reach(?:ed)?|hit|get to)|not (?:yet )?(?:at|reached)`;
/** Words and signs that put a value at or over a mark. */
const AT = String.raw`>=?|≥|={1,3}|(?:reach(?:es|ed)?|hits?|gets? to|arrives? at|climbs? to|touches|equals?|is equal to|is at|is|at|of|to|becomes|turns|shows|reads|returns|exceeds?|over|above|more than|greater than|at least)`;
const COMPARISON_RE = new RegExp(String.raw`(?<![\w.])(?:(${BELOW})|(${AT}))\s*[\`"'(]*\s*${NUMBER}(?![\d.]*\d)`, "gi");

/** Every value set against a mark in a sentence, in order. */
export function comparisons(text: string): Comparison[] {
  const out: Comparison[] = [];
  for (const match of text.matchAll(COMPARISON_RE)) {
    out.push({ side: match[1] !== undefined ? "below" : "at", value: Number(match[3]), offset: match.index!, text: match[0] });
  }
  return out;
}

/** The number's written position against the word (value first: "at 1.0 progress", "100 % done"). */
const VALUE_FIRST_RE = new RegExp(String.raw`(?<![\w.])${NUMBER}[\`"')]*\s+(?:progress|complete|completion|done)\b`, "gi");

/** A table cell that holds only a value ("| 1.0 |"): the value itself, under the column the header names. */
const VALUE_CELL_RE = /\|\s*(\d+(?:\.\d+)?)\s*(?:%|percent)?\s*(?=\|)/g;

export function valueFirst(text: string): Comparison[] {
  const cells = [...text.matchAll(VALUE_CELL_RE)].map((m) => ({ side: "at" as const, value: Number(m[1]), offset: m.index! + 1, text: m[0].slice(1) }));
  return [...text.matchAll(VALUE_FIRST_RE)].map((m) => ({ side: "at" as const, value: Number(m[1]), offset: m.index!, text: m[0] })).concat(cells);
}

/** Wording of going on: running, keep polling, as long as, while. */
const CONTINUES_RE =
  /\b(still (?:running|going|busy|working|in (?:flight|progress))|in (?:flight|progress)|(?:is |means |= )?running|keep (?:going|polling|waiting|checking|asking|calling)|continue\w*|carry on|go on|poll (?:again|once more)|not (?:yet )?(?:done|finished|complete|over|ended)|unfinished|incomplete|partial|preliminary|as long as|while|so long as)\b/i;
/** Wording of an end: done, finished, stop polling, until, once. */
const ENDS_RE =
  /\b(done|finished|finishe[sd]|complete[ds]?|completion|over|ended|ends|terminal|final|settled|stop(?:s|ped)? (?:polling|waiting|the loop|looping|checking)|stop|until|till|once|as soon as|succeeded|success|exit the loop|break)\b/i;

/** The consequences a sentence states (both may be stated: "running until 1.0"). */
export function consequences(text: string): Set<Consequence> {
  const found = new Set<Consequence>();
  if (CONTINUES_RE.test(text)) found.add("continues");
  if (ENDS_RE.test(text)) found.add("ends");
  return found;
}

/**
 * Wording that denies the claim rather than makes it: "no proof", "even at
 * 100 %", "a run can sit at 1.0", "may still end ABORTED".
 */
export const DENIES_RE =
  /\b(never|not (?:a |the |any )?(?:terminal|end|proof|signal|sign|reliable|enough)|no (?:proof|signal|sign)|does(?:n't| not) (?:mean|tell|say|prove|imply)|even (?:at|when|if|though)|can (?:sit|stay|stall|freeze|hang|linger)|may (?:still|stay|sit|end)|might|regardless|freez(?:e|es|ing)|frozen|rather than|instead)\b/i;

/** The full mark of a progress value: 1 (a fraction) or 100 (a percentage). */
export const isFullMark = (value: number): boolean => value === 1 || value === 100;

/**
 * A claim that makes a progress value's full mark the end of the work: the
 * value below the mark read as going on (so the mark is the end), or the value
 * at the mark read as the end. Returns where the comparison sits.
 */
export function fullMarkAsEnd(text: string): Comparison | undefined {
  const said = consequences(text);
  for (const c of [...comparisons(text), ...valueFirst(text)]) {
    if (!isFullMark(c.value)) continue;
    const rest = `${text.slice(0, c.offset)} ${text.slice(c.offset + c.text.length)}`;
    const saidRest = consequences(rest);
    if (c.side === "below" && (saidRest.has("continues") || saidRest.has("ends"))) return c;
    if (c.side === "at" && saidRest.has("ends")) return c;
    if (c.side === "at" && said.has("continues") && /\b(?:until|till|before|short of)\b/i.test(rest)) return c;
  }
  return undefined;
}

/** Schedulers of a repeated prompt and their finest step, from the harness facts. */
export interface Scheduler {
  readonly name: string;
  readonly pattern: RegExp;
  readonly floorSeconds: number;
}

/** A reference to the poll cadence rather than a written number: "that interval", "the cadence", "N". */
export const CADENCE_REFERENCE_RE =
  /\b(?:(?:that|this|the same|same|your|the (?:poll(?:ing)?|chosen|computed|table'?s?|policy'?s?|resulting|picked)) (?:interval|cadence|period|delay|spacing|pace|N|value)|(?:poll(?:ing)?|the) cadence|cadence (?:table|value|N)|interval (?:of )?`?N`?|`N`|N seconds|exactly (?:N|that|the (?:interval|cadence))|one[- ]to[- ]one|as[- ]is|unchanged)\b/i;
