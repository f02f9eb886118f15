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
const BELOW = String.raw`<=?|≤|(?:is |stays? |remains? |sits? |reads? |shows? )?(?:less than|lower than|smaller than|below|under|short of|beneath)|(?:has(?:n't| not)|did(?:n't| not)|does(?:n't| not)) (?:yet )?(?:reach(?:ed)?|hit|get to)|not (?:yet )?(?:at|reached)|not yet|isn't yet`;
/** Words and signs that put a value at or over a mark (bare verbs too, as a question asks: "does it read 1?"). */
const AT = String.raw`>=?|≥|={1,3}|(?:reach(?:es|ed)?|hits?|gets? to|arrives? at|climbs? to|touches|equals?|is equal to|is at|is|at|of|to|becomes?|turns?|shows?|reads?|returns?|exceeds?|pass(?:es|ed)?|goes (?:past|beyond)|gone (?:past|beyond)|cross(?:es|ed)?|tops|over|above|past|beyond|more than|greater than|at least|(?:signall?ed |marked |shown |given |told )?by(?: an?)?)`;
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
  /\b(still (?:running|going|busy|working|in (?:flight|progress))|in (?:flight|progress)|(?:is |means |= )?running|keep (?:going|polling|waiting|checking|asking|calling)|continue\w*|carry on|go on|poll (?:again|once more)|not (?:yet )?(?:done|finished|complete|over|ended)|unfinished|incomplete|partial|preliminary|as long as|while|so long as|under ?way|ongoing|busy|pending)\b/i;
/** Wording of an end: done, finished, stop polling, until, once. */
const ENDS_RE =
  /\b((?:done|ends?|finished|complete)_(?:when|if|at|on)|done|finished|finishe[sd]|complete[ds]?|completion|over|ended|ends|terminal|final|settled|wrapped up|concluded|at an end|through|stop(?:s|ped)? (?:polling|waiting|the loop|looping|checking)|stop|until|till|once|as soon as|succeeded|success|exit the loop|break)\b/i;

/** The consequences a sentence states (both may be stated: "running until 1.0"). */
export function consequences(text: string): Set<Consequence> {
  const found = new Set<Consequence>();
  if (CONTINUES_RE.test(text)) found.add("continues");
  if (ENDS_RE.test(text)) found.add("ends");
  return found;
}

/**
 * Wording that denies the claim rather than makes it: "no proof", "even at
 * 100 %", "a run can sit at 1.0", "can read 100 %" (a value it may show, not
 * one that decides), "may still end ABORTED".
 */
export const DENIES_RE =
  /\b(never|not (?:a |the |any )?(?:terminal|end|proof|signal|sign|reliable|enough)|no (?:proof|signal|sign)|does(?:n't| not) (?:mean|tell|say|prove|imply)|even (?:at|when|if|though)|(?:can|could|may) (?:sit|stay|stall|freeze|hang|linger|read|show|reach|hit)|may (?:still|end)|might|regardless|freez(?:e|es|ing)|froze|frozen|rather than|instead|(?:says|tells|proves|means) (?:you )?nothing|on its own|by itself)\b/i;

/** The full mark of a progress value: 1 (a fraction) or 100 (a percentage). */
export const isFullMark = (value: number): boolean => value === 1 || value === 100;

/** Wording that the work has not ended: "has not ended yet", "hasn't finished", "unfinished". */
const NOT_ENDED_RE = /(?:\bnot|n't|\bnever)\s+(?:yet\s+)?(?:been\s+)?(?:ended|finished|done|over|completed?|through)\b|\b(?:unfinished|incomplete)\b|(?<!\b(?:may|might|could|can)\s+(?:be\s+)?)\b(?:is|are)\s+still\s+(?:going|running|in progress|under way|moving)\b/i;
/** Wording of the work's end as a state ("is finished", "can be called done"), not a conjunction of time ("until", "once"). */
const ENDED_RE = /\b(?:(?:done|ends?|finished|complete)_(?:when|if|at|on)|done|finished|complete[ds]?|over|ended|terminal|final|succeeded|wrapped up|concluded|at an end)\b/i;

/** A value a progress reading can take short of its full mark: a fraction under 1, a percentage under 100. */
const isShortOfMark = (c: Comparison): boolean =>
  c.value > 0 && (c.value < 1 || (c.value < 100 && /%|percent/i.test(c.text)));

/**
 * A claim that a progress value short of the full mark tells the run's state:
 * "a progress of 0.97 means the run has not ended yet" (a value read as not
 * ended), "once progress passes 99 %, the run is finished" (a value reached or
 * passed read as the end). Progress is elapsed time and freezes where a run
 * breaks, so no value of it says whether the run has ended. A value read as a
 * milestone of time ("until it passes 50 %, then tell the user") states neither.
 */
export function valueAsState(text: string): (Comparison & { readonly reading: "ended" | "not ended" }) | undefined {
  for (const c of comparisons(text)) {
    if (isFullMark(c.value) || !isShortOfMark(c)) continue;
    const rest = `${text.slice(0, c.offset)} ${text.slice(c.offset + c.text.length)}`;
    if (NOT_ENDED_RE.test(rest)) return { ...c, reading: "not ended" };
    if (c.side === "at" && ENDED_RE.test(rest)) return { ...c, reading: "ended" };
  }
  return undefined;
}

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
  /** Fires on minute marks (cron), so only whole minutes are steps; otherwise any delay from the floor up. */
  readonly wholeMinutes: boolean;
}

/** Words for the spacing of polls. */
const SPACING = String.raw`(?:interval|cadence|period|delay|spacing|pace|rate|frequency|step|N|value)`;
/** Where a cadence comes from: the table or policy that gives it, the act of working it out. */
const SOURCE = String.raw`(?:table|policy|plan|schedule|computed|calculated|derived|worked out|chosen|chose|picked|given|gave|gives|returned|listed|lists)`;
/** Adverbs that hand a value over unchanged: "exactly", "precisely", "the very". */
const EXACT = String.raw`(?:exactly|precisely|strictly|literally|verbatim|just)`;
/**
 * A reference to the poll cadence rather than a written number: "that
 * interval", "the cadence", "N"; an interval named by its source, before or
 * after it ("the table's interval", "the interval the table gave you", "the
 * delay you computed"); or any spacing handed over exactly ("precisely the
 * interval").
 */
export const CADENCE_REFERENCE_RE = new RegExp(
  String.raw`\b(?:(?:that|this|the same|same|your|the (?:poll(?:ing)?|chosen|computed|calculated|derived|given|table'?s?|policy'?s?|plan'?s?|resulting|picked)) ${SPACING}|(?:poll(?:ing)?|the) cadence|cadence (?:table|value|N)|interval (?:of )?` +
    "`?N`?|`N`" +
    String.raw`|N seconds|the ${SPACING}(?: (?:that|which))?[^.;:,!?\n]{0,30}?\b${SOURCE}|${EXACT} (?:N|that|this|the (?:very )?${SPACING})|the very ${SPACING}|one[- ]to[- ]one|as[- ]is|unchanged)\b`,
  "i",
);

/**
 * Wording that hands a value to a scheduler, as an instruction ("pass the
 * cadence as the wake-up delay", "set ScheduleWakeup to 30 s", `delaySeconds`),
 * not a claim about what the scheduler does ("ScheduleWakeup wakes the model
 * after 20 s").
 */
export const HANDED_RE =
  /\b(?:pass(?:es|ed|ing)?|give[sn]?|giving|gave|hand(?:s|ed|ing)?(?: over)?|set(?:s|ting)?|use[sd]?|using|feed(?:s|ing)?|suppl(?:y|ies|ied)|put|book(?:s|ed)?|as (?:the|its|a) (?:[\w-]+ )?(?:delay|interval|period|spacing)|(?:let|have|make|get) it wake (?:you|me|us|the model)(?: up)?)\b|\bdelaySeconds\b|\b(?:a|an|one|the|each)\s+(?:ScheduleWakeup|wake-?up|CronCreate(?: job)?|cron job)\s+(?:call\s+)?(?:of|at|every)\s+(?:\d|N\b)/i;

/** Seconds in a unit as written. */
export function unitSeconds(unit: string): number {
  const u = unit.toLowerCase();
  if (/^(?:ms|millis)/.test(u)) return 0.001;
  if (/^h/.test(u)) return 3600;
  if (/^m(?!s)/.test(u)) return 60;
  return 1;
}

/** A pace stated as a spacing or a frequency, in seconds between two polls. */
export interface Pace {
  readonly offset: number;
  readonly seconds: number;
  readonly shown: string;
}

const UNIT = String.raw`(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|h)\b`;
const SMALL: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
const PACE_RES: readonly RegExp[] = [
  // "at 2-second intervals", "a 1 s gap between polls", "a 2-second pause between calls"
  new RegExp(String.raw`\b(\d+(?:\.\d+)?)[- ]?${UNIT}[- ]?(?:intervals?|gaps?|pauses?|delays?|waits?|spacing|sleeps?)\b`, "gi"),
  // "2 seconds apart", "wait 1 s between polls", "sleep 2 s between two calls"
  new RegExp(String.raw`\b(\d+(?:\.\d+)?)\s*${UNIT}\s+(?:apart|between)\b`, "gi"),
  // "a 5-second poll", "with 10 s checks", "the 30-second status reads" (after a determiner: not "/loop 5min check")
  new RegExp(String.raw`(?<=\b(?:a|an|the|one|with|at|use|using|of)\s+)(\d+(?:\.\d+)?)[- ]?${UNIT}[- ]?(?:polls?|polling|checks?|re-?reads?|status (?:reads|calls|checks))\b`, "gi"),
];
/** "twice a second", "10 times per minute", "3 times every second". */
/** "twice a second", "four polls a minute", "twenty times a minute", "6 checks per minute". */
const FREQUENCY_RE = /\b(\d+|once|twice|thrice|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)(?: (?:times|polls|checks|calls|reads|requests|status (?:reads|calls)))?\s+(?:an?|per|each|every)\s+(second|minute|hour)\b/gi;
/** "every couple of seconds", "every few seconds", "every other second": read as 2 s, the least such wording can mean, so only a cadence floor above it reports. */
const FEW_RE = /\bevery (?:couple of|few|other|single) (seconds?)\b/gi;
/** "every half second", "every half a second". */
const HALF_RE = /\bevery half(?: an?)? (second|minute)\b/gi;

/** Paces a sentence states for something, in seconds between two occurrences. */
export function paces(text: string): Pace[] {
  const out: Pace[] = [];
  for (const re of PACE_RES) {
    for (const m of text.matchAll(re)) {
      const seconds = Number(m[1]) * unitSeconds(m[2]!);
      out.push({ offset: m.index!, seconds, shown: `${seconds} s` });
    }
  }
  for (const m of text.matchAll(FREQUENCY_RE)) {
    const count = SMALL[m[1]!.toLowerCase()] ?? countOf(m[1]!);
    if (!(count > 0)) continue;
    const seconds = unitSeconds(m[2]!) / count;
    out.push({ offset: m.index!, seconds, shown: `${Number(seconds.toFixed(2))} s` });
  }
  for (const m of text.matchAll(WORD_EVERY_RE)) {
    const seconds = countOf(m[1]!) * unitSeconds(m[2]!);
    if (seconds > 0) out.push({ offset: m.index!, seconds, shown: `${seconds} s` });
  }
  for (const m of text.matchAll(NAMED_PACE_RE)) {
    const seconds = countOf(m[1]!) * unitSeconds(m[2]!);
    if (seconds > 0) out.push({ offset: m.index! + m[0].lastIndexOf(m[1]!), seconds, shown: `${seconds} s` });
  }
  for (const m of text.matchAll(FEW_RE)) out.push({ offset: m.index!, seconds: 2, shown: "a few seconds" });
  for (const m of text.matchAll(HALF_RE)) out.push({ offset: m.index!, seconds: unitSeconds(m[1]!) / 2, shown: `${unitSeconds(m[1]!) / 2} s` });
  return out.sort((a, b) => a.offset - b.offset);
}

/** Counts written in words, as durations use them ("a ten-minute run", "an hour-long soak"). */
const WORD_COUNTS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, "forty-five": 45, fifty: 50, sixty: 60, ninety: 90,
};
const WORD_COUNT = String.raw`(?:${Object.keys(WORD_COUNTS).sort((a, b) => b.length - a.length).join("|")})`;
/** "every five seconds", "every fifteen minutes": a count in words (not "a", which "every second" already says). */
const WORD_EVERY_RE = new RegExp(String.raw`\bevery\s+(?!an?\b)(${WORD_COUNT})[- ](seconds?|minutes?|hours?)\b`, "gi");
/** The pace named as a quantity: "poll interval set to 10 s", "the computed interval for an hour-long soak is six minutes". */
const NAMED_PACE_RE = new RegExp(
  String.raw`\b(?:interval|cadence|polling pace|poll pace|poll frequency)\b[^.;:\d]{0,40}?\b(?:is|of|set to|at|=|becomes|comes to|works out to)\s+(?:about\s+|roughly\s+|around\s+)?(\d+(?:\.\d+)?|${WORD_COUNT})[- ]?${UNIT}`,
  "gi",
);
/** Seconds in a count as written, in digits or words. */
export function countOf(word: string): number {
  return WORD_COUNTS[word.toLowerCase()] ?? Number(word);
}

/** The work a wait is on, as a noun. */
const WORK = String.raw`(?:runs?|tests?|validations?|exports?|tasks?|jobs?|imports?|soaks?|scenarios?|correlations?|batch(?:es)?|refresh(?:es)?)`;
/** Words that do not modify the work ("2 minutes *of the* run", "3 s *in each* test"). */
const NOT_MODIFIER = String.raw`(?!(?:of|the|in|into|for|after|before|per|each|every|a|an|and|or|then|while|during)\b)`;
/** A length as an adjective: "10-minute", "2 min", "ten-minute", "an hour-long" (a count in words takes a unit in words). */
const LENGTH = String.raw`(?:(\d+(?:\.\d+)?)[- ]?(second|sec|minute|min|hour|hr|s|m|h)|(${WORD_COUNT})[- ](second|minute|hour))(?:[- ]long)?`;
/** "a ten-minute scenario run", "a 2 min batch export", "an hour-long soak": the duration as an adjective of the work. */
const DURATION_BEFORE_RE = new RegExp(String.raw`(?<![\w.-])${LENGTH}\s+(?:${NOT_MODIFIER}[\w-]+\s+){0,2}?${WORK}\b`, "gi");
/** "a run of ten minutes or longer", "a validation lasting about 30 s", "a test expected to take 2 hours". */
const DURATION_AFTER_RE = new RegExp(
  String.raw`\b${WORK}\s+(?:of|lasting|that lasts|taking|that takes|expected to (?:take|last))\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(?:(\d+(?:\.\d+)?)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|s|m|h)|(${WORD_COUNT})\s+(seconds?|minutes?|hours?))\b(\s+or\s+(?:longer|more|over)|\s+or\s+(?:less|shorter|under))?`,
  "gi",
);

/** The expected duration of the work a sentence paces, as written: seconds, and whether it is a floor or a ceiling. */
export interface WorkDuration {
  readonly offset: number;
  /** Where the wording ends. */
  readonly end: number;
  readonly seconds: number;
  /** "or longer": the work lasts at least this; "or less": at most. */
  readonly bound?: "at least" | "at most";
}

/** Durations of the work a sentence speaks of, in order. */
/** The length put after the work, as an aside: "a batch export of many reports, about two minutes". */
const DURATION_ASIDE_RE = new RegExp(
  String.raw`\b${WORK}\b(?:\s+[\w-]+){0,4},\s+(?:about|around|roughly|some|typically|usually)\s+(?:(\d+(?:\.\d+)?)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|s|m|h)|(${WORD_COUNT})\s+(seconds?|minutes?|hours?))\b`,
  "gi",
);

export function workDurations(text: string): WorkDuration[] {
  const out: WorkDuration[] = [];
  const seconds = (m: RegExpMatchArray) => countOf(m[1] ?? m[3]!) * unitSeconds(m[2] ?? m[4]!);
  for (const m of text.matchAll(DURATION_BEFORE_RE)) out.push({ offset: m.index!, end: m.index! + m[0].length, seconds: seconds(m) });
  for (const m of text.matchAll(DURATION_ASIDE_RE)) out.push({ offset: m.index!, end: m.index! + m[0].length, seconds: seconds(m) });
  for (const m of text.matchAll(DURATION_AFTER_RE)) {
    const bound = m[5] === undefined ? undefined : /longer|more|over/i.test(m[5]) ? ("at least" as const) : ("at most" as const);
    out.push({ offset: m.index!, end: m.index! + m[0].length, seconds: seconds(m), ...(bound ? { bound } : {}) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A negation as a verb takes it: "not", "n't", "never", "no longer", with "ever" after it. */
const NEGATED = String.raw`(?:n't|\s+not|\s+never|\s+no longer)(?:\s+ever)?`;
/** What is refused, said as a state of the thing ("is never allowed", "isn't permitted", "gets no longer run"). */
const REFUSED_STATE = String.raw`(?:is|are|was|were|be|gets?)${NEGATED}\s+(?:allowed|permitted|possible|available|accepted|supported|run|executed|honou?red|let through)`;
/** What is refused, said as the refuser's act ("does not allow", "will never run", "never lets"). */
const REFUSED_ACT = String.raw`(?:(?:does|do|did|will|would|could)${NEGATED}|won'?t(?:\s+ever)?|never|no longer)\s+(?:allow|let|permit|run|accept|execute|honou?r|support)s?`;
/** A refusal negated is a permission: "is never refused", "doesn't block", "not blocked". */
const NOT_BEFORE = String.raw`(?<!\b(?:not|never)\s+(?:be(?:en)?\s+|ever\s+)?|n't\s+(?:be(?:en)?\s+|ever\s+)?)`;
/**
 * Wording that says something is refused, blocked or impossible, in the
 * refuser's voice ("Claude Code turns down a sleep 40") or the refused thing's
 * ("sleeping is never allowed"); not a refusal negated.
 */
export const REFUSAL_RE = new RegExp(
  String.raw`${NOT_BEFORE}\b(?:block(?:s|ed)?|refuse[sd]?|reject(?:s|ed)?|forbid(?:s|den)?|disallow(?:s|ed)?|intercept(?:s|ed)?|turns? down|${REFUSED_STATE}|${REFUSED_ACT}|cannot|can't|no way to|unavailable|not an option|off[- ]limits|prohibit\w*|ban(?:s|ned)?|den(?:y|ies|ied)|(?:is |are )?(?:not supported|unsupported)|prevent\w*)\b`,
  "i",
);

/**
 * Wording that says something is let through, in the third person ("Claude
 * Code runs a `sleep 40`", "is accepted", "without complaint"): a permission,
 * the converse of a refusal. Not the imperative "run".
 */
export const PERMISSION_RE =
  /\b(?:runs|ran|executes|allows|accepts|permits|tolerates|lets (?:[\w`-]+ ){1,5}?(?:run|through|pass|last|go on|take)|goes through|works|(?:is|are) (?:allowed|permitted|accepted|fine|ok(?:ay)?|tolerated|let through)|without (?:complaint|complaining|objection|trouble|problems?|a problem|being (?:refused|blocked))|no problem)\b/i;

/** What a claim about the harness names: Claude Code, the harness, its Bash tool. */
export const HARNESS_SUBJECT_RE = /\b(?:claude code|claude|the harness|harness|bash tool|the bash|bash)\b/i;

/** Counts of a limit in words, as "up to two hours" writes them. */
export function lengthsOf(text: string): { readonly offset: number; readonly end: number; readonly seconds: number }[] {
  const out: { offset: number; end: number; seconds: number }[] = [];
  for (const m of text.matchAll(LIMIT_LENGTH_RE)) {
    const seconds = m[5] !== undefined ? 1800 : countOf(m[1] ?? m[3]!) * unitSeconds(m[2] ?? m[4]!);
    out.push({ offset: m.index!, end: m.index! + m[0].length, seconds });
  }
  for (const m of text.matchAll(SPAN_LENGTH_RE)) out.push({ offset: m.index!, end: m.index! + m[0].length, seconds: SPAN_SECONDS[(m[1] ?? m[2] ?? m[3]!).toLowerCase()]! });
  return out.sort((a, b) => a.offset - b.offset);
}
/** Spans of the calendar that a watch is said to last: "the whole weekend", "overnight" (the least each can mean). */
const SPAN_SECONDS: Readonly<Record<string, number>> = { weekend: 2 * 86400, night: 8 * 3600, overnight: 8 * 3600, day: 86400, days: 2 * 86400 };
const SPAN_LENGTH_RE = /\b(?:(?:for\s+)?(?:the\s+)?(?:whole|entire|full)\s+(weekend|night|day)|(overnight)|for (days))\b/gi;
/** "10 minutes", "30-minute", "2 h", "two hours", "an hour", "half an hour". */
const LIMIT_LENGTH_RE = new RegExp(
  String.raw`(?<![\w.-])(?:(\d+(?:\.\d+)?)[- ]?(seconds?|secs?|minutes?|mins?|hours?|hrs?|s|m|h)|(${WORD_COUNT})[- ](seconds?|minutes?|hours?)|(half an hour))\b`,
  "gi",
);

/** A full mark written as a percentage of a run ("less than 100 percent" of a bench): progress, whatever the word. */
export const RUN_PERCENT_RE = /\b(?:bench|run|test|scenario|validation)\b[^.;]{0,60}?\b100\s*(?:%|percent\b)/i;
