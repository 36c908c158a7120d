// Helpers of the Susun jadwal dialog: the clerk's options as the command wants them, the
// day headers and the colour class of a proposed status.

import type { ProposeOptions } from './bindings/ProposeOptions';

const DAYS = ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'];

/** The two option fields (text from number inputs) as options: blank or invalid means the
 *  default (one head at the office; no per-bidang rule). */
export function optionsFrom(heads: string | number, perBidang: string | number): ProposeOptions {
  const whole = (v: string | number): number | undefined => {
    const n = typeof v === 'number' ? v : Number(String(v).trim() === '' ? NaN : v);
    return Number.isInteger(n) && n >= 0 && n <= 1000 ? n : undefined;
  };
  const options: ProposeOptions = {};
  const h = whole(heads);
  const b = whole(perBidang);
  if (h !== undefined) options.heads_in_office = h;
  if (b !== undefined && b > 0) options.per_bidang = b;
  return options;
}

/** `2026-06-02` → `Sel 02-06`. */
export function dayHeader(iso: string): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[day]} ${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
}

/** The colour of a status code in the preview: WFA, piket, at the office, or anything else. */
export function statusClass(code: string): 'wfa' | 'piket' | 'wfo' | 'other' {
  switch (code.toUpperCase()) {
    case 'WFA':
      return 'wfa';
    case 'PIKET':
      return 'piket';
    case 'WFO':
      return 'wfo';
    default:
      return 'other';
  }
}
