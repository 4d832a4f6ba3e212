// Search across names, descriptions and column names/descriptions. The index is lower-cased once;
// a query is a linear scan (≈ 10 ms for 10,000 models with their columns), ranked name > column > description.
import type { DocsNode } from '../../docs/docs-data-types.js';

export interface SearchHit {
  index: number;
  /** What matched: the name, a column (its name), or the description. */
  kind: 'name' | 'column' | 'description';
  column?: string;
  score: number;
}

interface Entry {
  name: string;
  description: string;
  columns: { name: string; text: string }[];
}

export class SearchIndex {
  private readonly entries: Entry[];

  constructor(private readonly nodes: DocsNode[]) {
    this.entries = nodes.map((n) => ({
      name: n.name.toLowerCase(),
      description: n.description.toLowerCase(),
      columns: n.columns.map((c) => ({ name: c.name, text: (c.name + ' ' + c.description).toLowerCase() })),
    }));
  }

  search(query: string, limit = 200): { hits: SearchHit[]; total: number } {
    const q = query.trim().toLowerCase();
    if (!q) return { hits: [], total: 0 };
    const hits: SearchHit[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const at = e.name.indexOf(q);
      if (at >= 0) {
        hits.push({ index: i, kind: 'name', score: e.name === q ? 0 : at === 0 ? 1 : 2 });
        continue;
      }
      const col = e.columns.find((c) => c.text.includes(q));
      if (col) {
        hits.push({ index: i, kind: 'column', column: col.name, score: col.name.toLowerCase() === q ? 3 : 4 });
        continue;
      }
      if (e.description.includes(q)) hits.push({ index: i, kind: 'description', score: 5 });
    }
    hits.sort((a, b) => a.score - b.score || this.nodes[a.index]!.name.localeCompare(this.nodes[b.index]!.name));
    return { hits: hits.slice(0, limit), total: hits.length };
  }
}
