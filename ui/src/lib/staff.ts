// Data Pegawai's people, the pure part: what a typed search means (a NIP with or without
// spaces, or words), the 18 digits of a grouped NIP, the colour of a day's status and where
// a day was read. The search itself runs in Rust (`staff_page`).

/** A search as sent to Rust: `nip` when the text is a NIP or part of one. */
export interface StaffSearch {
  text: string;
  nip: boolean;
}

/** Separators people type inside a NIP (spaces, dots, dashes, NBSP, apostrophes). */
const NIP_SEPARATORS = /[\s.\-'\u2019\u00a0]/g;

/** `"  NIP. 19850312 201001 1 004 "` → digits only, as a NIP search; anything else trimmed
 *  with single spaces, as words. */
export function staffSearch(raw: string): StaffSearch {
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  const withoutPrefix = trimmed.replace(/^nip\s*[.:]?\s*/i, '');
  const digits = withoutPrefix.replace(NIP_SEPARATORS, '');
  if (digits !== '' && /^\d+$/.test(digits)) return { text: digits, nip: true };
  return { text: trimmed, nip: false };
}

/** `19850312 201001 1 004` → `198503122010011004`. */
export function nipDigits(nip: string): string {
  return nip.replace(/\D/g, '');
}

/** How a day's status is coloured: at the office, anywhere (WFA), away, or nothing. */
export type DayTone = 'office' | 'anywhere' | 'away' | 'none';

export function dayTone(status: string | null): DayTone {
  if (status === null || status === '') return 'none';
  if (status === 'WFO' || status === 'PIKET') return 'office';
  if (status === 'WFA') return 'anywhere';
  return 'away';
}

/** `berkas.xlsx › Jadwal › F12`, or `''` when the day was not read from a file. */
export function cellLocation(d: { file: string | null; sheet: string | null; cell: string | null }): string {
  return [d.file, d.sheet, d.cell].filter((x): x is string => x !== null && x !== '').join(' › ');
}
