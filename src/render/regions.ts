// Generated regions inside authored Markdown:
//   <!-- generated:NAME key=value ... -->
//   ...text written by `npm run generate`...
//   <!-- /generated -->
// Everything outside a region is authored and left byte for byte as it is.

export interface Region {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  /** 1-based line of the opening marker. */
  readonly line: number;
  readonly body: string;
}

export type RegionRenderer = (params: Readonly<Record<string, string>>) => string;

export class RegionError extends Error {
  override name = "RegionError";
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const OPEN_RE = /^<!-- generated:([a-z0-9-]+)((?:\s+[a-zA-Z]+=[A-Za-z0-9_.:-]+)*)\s*-->$/;
const CLOSE = "<!-- /generated -->";

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf("=");
    params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return params;
}

/** Find every region; throws a RegionError on an unclosed or nested marker. */
export function findRegions(text: string): Region[] {
  const lines = text.split("\n");
  const regions: Region[] = [];
  let open: { name: string; params: Record<string, string>; line: number; start: number } | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const match = OPEN_RE.exec(line);
    if (match) {
      if (open) throw new RegionError(index + 1, `region "${match[1]}" opens inside region "${open.name}" (line ${open.line})`);
      open = { name: match[1]!, params: parseParams(match[2] ?? ""), line: index + 1, start: index + 1 };
    } else if (line.startsWith("<!-- generated")) {
      throw new RegionError(index + 1, `malformed generated marker: ${line.slice(0, 80)}`);
    } else if (line === CLOSE) {
      if (!open) throw new RegionError(index + 1, "closing marker without an opening one");
      regions.push({ name: open.name, params: open.params, line: open.line, body: lines.slice(open.start, index).join("\n") });
      open = undefined;
    }
  });
  if (open) throw new RegionError(open.line, `region "${open.name}" is never closed (${CLOSE})`);
  return regions;
}

/** Rewrite every region with its renderer. Unknown region names are errors. */
export function renderRegions(text: string, renderers: Readonly<Record<string, RegionRenderer>>): string {
  findRegions(text); // validates the markers
  const lines = text.split("\n");
  const out: string[] = [];
  let skipping = false;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const match = OPEN_RE.exec(line);
    if (match) {
      const renderer = renderers[match[1]!];
      if (!renderer) throw new RegionError(index + 1, `unknown generated region "${match[1]}"`);
      out.push(raw);
      const body = renderer(parseParams(match[2] ?? "")).replace(/\n+$/, "");
      if (body.length > 0) out.push(body);
      skipping = true;
    } else if (line === CLOSE) {
      out.push(raw);
      skipping = false;
    } else if (!skipping) {
      out.push(raw);
    }
  });
  return out.join("\n");
}
