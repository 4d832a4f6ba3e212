// Number formatting for tiles.
export type Format = 'number' | 'integer' | 'percent' | 'currency' | 'text' | undefined;

export function formatValue(v: unknown, format: Format): string {
  if (v === null || v === undefined) return '–';
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) && format !== 'text' ? Number(v) : null;
  if (n === null) return String(v);
  switch (format) {
    case 'percent':
      return (n * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + '%';
    case 'currency':
      return n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    case 'integer':
      return Math.round(n).toLocaleString('en-US');
    case 'text':
      return String(v);
    default:
      return n.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(n) ? 0 : Math.abs(n) < 1 ? 4 : 2 });
  }
}

export function isNumeric(type: string): boolean {
  return /INT|DEC|NUMERIC|DOUBLE|FLOAT|REAL|HUGEINT/i.test(type);
}
