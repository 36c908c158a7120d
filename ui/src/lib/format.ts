// Small pure helpers for numbers, file names and paging, in Indonesian conventions
// (thousands with a dot, decimals with a comma).

const INTEGER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `1234` → `1.234`. */
export function formatNumber(n: number): string {
  return INTEGER.format(n);
}

/** A byte size for people: `812 B`, `12,3 KB`, `1,4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${ONE_DECIMAL.format(bytes / 1024)} KB`;
  return `${ONE_DECIMAL.format(bytes / (1024 * 1024))} MB`;
}

/** `3 kesalahan, 1 peringatan`; `tanpa temuan` when both are zero. */
export function countsText(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'tanpa temuan';
  return `${formatNumber(errors)} kesalahan, ${formatNumber(warnings)} peringatan`;
}

/** The last part of a Windows or Unix path. */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] || trimmed;
}

/** Adds paths to a list, skipping blanks and ones already there (keeps order). */
export function addPaths(list: readonly string[], more: readonly string[]): string[] {
  const out = [...list];
  for (const raw of more) {
    const p = raw.trim().replace(/^"(.*)"$/, '$1');
    if (p !== '' && !out.includes(p)) out.push(p);
  }
  return out;
}

export interface Pager {
  /** 1-based first row shown (0 when nothing matches). */
  from: number;
  /** 1-based last row shown. */
  to: number;
  total: number;
  prev: number | null;
  next: number | null;
  /** `1–100 dari 250`. */
  label: string;
}

/** Where a page of `shown` rows starting at `offset` sits among `total`. */
export function pager(offset: number, shown: number, total: number, limit: number): Pager {
  const from = total === 0 || shown === 0 ? 0 : offset + 1;
  const to = from === 0 ? 0 : offset + shown;
  const prev = offset > 0 ? Math.max(0, offset - limit) : null;
  const next = offset + limit < total ? offset + limit : null;
  const label = `${formatNumber(from)}–${formatNumber(to)} dari ${formatNumber(total)}`;
  return { from, to, total, prev, next, label };
}

/** Runs `fn` once `ms` after the last call (search boxes). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
}

/** A file name cut after each `_`, `-`, `.` or space, where a line may break (`FileName`
 *  renders a `<wbr>` between the parts), so "05_BKPSDM.csv" never breaks as "05_BKPSDM.cs v". */
export function breakParts(name: string): string[] {
  const parts = (name.match(/[^_\-. ]*(?:[_\-. ]+|$)/g) ?? []).filter((p) => p !== '');
  return parts.length > 0 ? parts : [name];
}
