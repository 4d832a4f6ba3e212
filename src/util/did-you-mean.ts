// "Did you mean" suggestions for misspelt names (config keys, refs, macros, selectors).
import { createRequire } from 'node:module';
import type * as Levenshtein from 'fastest-levenshtein';

// Loaded on the first suggestion, not at start-up: this module is on every command's path and most
// runs misspell nothing.
let levenshtein: typeof Levenshtein | undefined;
function distance(a: string, b: string): number {
  levenshtein ??= createRequire(import.meta.url)('fastest-levenshtein') as typeof Levenshtein;
  return levenshtein.distance(a, b);
}

/** The closest candidate within a distance proportional to the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** " Did you mean 'x'?" or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` Did you mean '${c}'?`;
}
