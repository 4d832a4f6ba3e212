// The lineage drawn on a canvas: culled to the viewport, labels only when legible, so 10,000 nodes
// stay interactive. Wheel zooms around the cursor, drag pans, a click selects a node (its
// upstream and downstream highlighted) and calls onOpen; double-click opens its page.
import type { DocsNode } from '../../../docs/docs-data-types.js';
import { NODE_H, NODE_W, type Layout } from '../../../docs/lineage-layout.js';

const COLORS: Record<string, string> = { model: '#2f6fb3', seed: '#3a8a4f', snapshot: '#8a5a2f', source: '#6a3fa0', exposure: '#c0392b', analysis: '#555' };

export interface LineageStats {
  nodes: number;
  edges: number;
  layoutMs: number;
  drawMs: number;
  draws: number;
}

declare global {
  interface Window {
    __martflowLineage?: LineageStats;
  }
}

export class LineageView {
  private scale = 1;
  private tx = 0;
  private ty = 0;
  private selected = -1;
  private highlight = new Set<number>();
  private pending = false;
  private readonly ctx: CanvasRenderingContext2D;
  readonly stats: LineageStats;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly nodes: DocsNode[],
    private readonly layout: Layout,
    private readonly onSelect: (index: number | null) => void,
    private readonly onOpen: (index: number) => void,
    layoutMs: number,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.stats = { nodes: layout.ids.length, edges: layout.edges.length / 2, layoutMs, drawMs: 0, draws: 0 };
    window.__martflowLineage = this.stats;
    this.bindEvents();
    this.fit();
  }

  /** Zoom and pan so the whole drawing fits. */
  fit(): void {
    const { width, height } = this.size();
    const w = Math.max(this.layout.width, NODE_W);
    const h = Math.max(this.layout.height, NODE_H);
    this.scale = Math.min(2, Math.max(0.01, Math.min(width / (w + 40), height / (h + 40))));
    this.tx = (width - (this.layout.width - 90) * this.scale) / 2;
    this.ty = height / 2;
    this.requestDraw();
  }

  /** Selects a node by its index in DocsData.nodes and centres it. */
  focus(index: number): void {
    const s = this.layout.slot[index];
    if (s === undefined || s < 0) return;
    this.select(s);
    const { width, height } = this.size();
    this.scale = Math.max(this.scale, 0.8);
    this.tx = width / 2 - (this.layout.x[s]! + NODE_W / 2) * this.scale;
    this.ty = height / 2 - (this.layout.y[s]! + NODE_H / 2) * this.scale;
    this.requestDraw();
  }

  zoomBy(factor: number, cx?: number, cy?: number): void {
    const { width, height } = this.size();
    const px = cx ?? width / 2;
    const py = cy ?? height / 2;
    const next = Math.min(4, Math.max(0.005, this.scale * factor));
    this.tx = px - ((px - this.tx) * next) / this.scale;
    this.ty = py - ((py - this.ty) * next) / this.scale;
    this.scale = next;
    this.requestDraw();
  }

  private size() {
    const r = this.canvas.getBoundingClientRect();
    return { width: r.width || 800, height: r.height || 600 };
  }

  private select(slot: number): void {
    this.selected = slot;
    this.highlight = new Set([slot]);
    if (slot >= 0) {
      const { ids, slot: slotOf } = this.layout;
      for (const dir of ['parents', 'children'] as const) {
        const stack = [ids[slot]!];
        while (stack.length) {
          const i = stack.pop()!;
          for (const j of this.nodes[i]![dir]) {
            const s = slotOf[j]!;
            if (s >= 0 && !this.highlight.has(s)) {
              this.highlight.add(s);
              stack.push(j);
            }
          }
        }
      }
    }
    this.onSelect(slot >= 0 ? this.layout.ids[slot]! : null);
    this.requestDraw();
  }

  /** The slot under a canvas point, or -1. */
  hit(px: number, py: number): number {
    const wx = (px - this.tx) / this.scale;
    const wy = (py - this.ty) / this.scale;
    const { x, y, ids } = this.layout;
    for (let s = 0; s < ids.length; s++) {
      if (wx >= x[s]! && wx <= x[s]! + NODE_W && wy >= y[s]! && wy <= y[s]! + NODE_H) return s;
    }
    return -1;
  }

  /** Canvas coordinates of a node's centre (for tests and tooltips). */
  pointOf(index: number): { x: number; y: number } | null {
    const s = this.layout.slot[index];
    if (s === undefined || s < 0) return null;
    return { x: (this.layout.x[s]! + NODE_W / 2) * this.scale + this.tx, y: (this.layout.y[s]! + NODE_H / 2) * this.scale + this.ty };
  }

  private bindEvents(): void {
    const c = this.canvas;
    let drag: { x: number; y: number; moved: boolean } | null = null;
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      this.zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    c.addEventListener('mousedown', (e) => (drag = { x: e.clientX, y: e.clientY, moved: false }));
    window.addEventListener('mousemove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      this.tx += dx;
      this.ty += dy;
      drag.x = e.clientX;
      drag.y = e.clientY;
      this.requestDraw();
    });
    window.addEventListener('mouseup', (e) => {
      if (drag && !drag.moved && e.target === c) {
        const r = c.getBoundingClientRect();
        this.select(this.hit(e.clientX - r.left, e.clientY - r.top));
      }
      drag = null;
    });
    c.addEventListener('dblclick', (e) => {
      const r = c.getBoundingClientRect();
      const s = this.hit(e.clientX - r.left, e.clientY - r.top);
      if (s >= 0) this.onOpen(this.layout.ids[s]!);
    });
    new ResizeObserver(() => this.requestDraw()).observe(c);
  }

  requestDraw(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  draw(): void {
    const started = performance.now();
    const { width, height } = this.size();
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(height * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(dpr * this.scale, 0, 0, dpr * this.scale, dpr * this.tx, dpr * this.ty);
    // The visible world rectangle, with a margin.
    const x0 = -this.tx / this.scale - NODE_W;
    const y0 = -this.ty / this.scale - NODE_H;
    const x1 = (width - this.tx) / this.scale + NODE_W;
    const y1 = (height - this.ty) / this.scale + NODE_H;
    const { x, y, ids, edges } = this.layout;
    const dim = this.selected >= 0;
    // Edges: one path for plain ones, one for highlighted ones.
    for (const pass of [0, 1]) {
      if (pass === 1 && !dim) break;
      ctx.beginPath();
      for (let k = 0; k < edges.length; k += 2) {
        const a = edges[k]!;
        const b = edges[k + 1]!;
        const lit = dim && this.highlight.has(a) && this.highlight.has(b);
        if ((pass === 1) !== lit) continue;
        const ax = x[a]! + NODE_W;
        const ay = y[a]! + NODE_H / 2;
        const bx = x[b]!;
        const by = y[b]! + NODE_H / 2;
        if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
        const mx = (ax + bx) / 2;
        ctx.moveTo(ax, ay);
        ctx.bezierCurveTo(mx, ay, mx, by, bx, by);
      }
      ctx.strokeStyle = pass === 1 ? '#e67e22' : dim ? 'rgba(150,150,150,0.15)' : 'rgba(120,130,150,0.45)';
      ctx.lineWidth = (pass === 1 ? 2 : 1) / Math.max(this.scale, 0.2);
      ctx.stroke();
    }
    const labels = this.scale >= 0.45;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (let s = 0; s < ids.length; s++) {
      const nx = x[s]!;
      const ny = y[s]!;
      if (nx > x1 || nx + NODE_W < x0 || ny > y1 || ny + NODE_H < y0) continue;
      const node = this.nodes[ids[s]!]!;
      const faded = dim && !this.highlight.has(s);
      ctx.globalAlpha = faded ? 0.25 : 1;
      ctx.fillStyle = s === this.selected ? '#e67e22' : COLORS[node.type] ?? '#555';
      ctx.fillRect(nx, ny, NODE_W, NODE_H);
      if (labels) {
        ctx.fillStyle = '#fff';
        ctx.fillText(node.name.length > 26 ? node.name.slice(0, 25) + '…' : node.name, nx + 6, ny + NODE_H / 2, NODE_W - 10);
      }
    }
    ctx.globalAlpha = 1;
    this.stats.drawMs = performance.now() - started;
    this.stats.draws++;
    this.canvas.dataset.draws = String(this.stats.draws);
  }
}
