// A small scanner for top-level Jinja blocks dbt extracts before rendering:
// {% snapshot name %}…{% endsnapshot %}, {% docs name %}…{% enddocs %}, {% test name(…) %}.
// It only finds tags (with -/+ whitespace control); it does not understand the Jinja inside.
import { UserError } from '../util/errors.js';

export interface ScannedBlock {
  name: string;
  /** Text between the opening and closing tags. */
  body: string;
  /** The whole block, tags included. */
  raw: string;
  /** 1-based line and column of the opening tag. */
  line: number;
  col: number;
}

function position(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNl = i;
    }
  }
  return { line, col: index - lastNl };
}

/**
 * Finds `{% <tag> name %}` … `{% end<tag> %}` blocks. Errors (a missing end tag, a block opened
 * inside another) are UserErrors at the tag's line.
 */
export function scanBlocks(text: string, tag: 'snapshot' | 'docs', file: string): ScannedBlock[] {
  const open = new RegExp(`\\{%[-+]?\\s*${tag}\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*[-+]?%\\}`, 'g');
  const close = new RegExp(`\\{%[-+]?\\s*end${tag}\\s*[-+]?%\\}`, 'g');
  const out: ScannedBlock[] = [];
  let m: RegExpExecArray | null;
  while ((m = open.exec(text)) !== null) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    close.lastIndex = bodyStart;
    const end = close.exec(text);
    const { line, col } = position(text, start);
    if (!end) {
      throw new UserError(`{% ${tag} ${m[1]} %} has no matching {% end${tag} %}`, {
        location: { file, line, col },
        hint: `Close the block with {% end${tag} %}.`,
      });
    }
    const body = text.slice(bodyStart, end.index);
    open.lastIndex = 0;
    const nested = open.exec(body);
    if (nested) {
      const p = position(text, bodyStart + nested.index);
      throw new UserError(`{% ${tag} ${nested[1]} %} is opened inside {% ${tag} ${m[1]} %}`, {
        location: { file, line: p.line, col: p.col },
        hint: `Close the previous block with {% end${tag} %} first.`,
      });
    }
    out.push({ name: m[1]!, body, raw: text.slice(start, end.index + end[0].length), line, col });
    open.lastIndex = end.index + end[0].length;
  }
  return out;
}

/** Names and positions of `{% test name(...) %}` generic test definitions. */
export function scanGenericTests(text: string): { name: string; line: number; col: number }[] {
  const re = /\{%[-+]?\s*test\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;
  const out: { name: string; line: number; col: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ name: m[1]!, ...position(text, m.index) });
  return out;
}
