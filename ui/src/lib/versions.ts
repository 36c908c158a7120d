// Pure helpers for versions of a unit's sends (Versi kiriman), import totals and the
// reporting window fields, kept out of the components so vitest can check them.

import type { FileResult } from './bindings/FileResult';

/** The first `n` characters of a SHA-256, for a table cell (the full hash goes in a tooltip). */
export function shortHash(sha: string, n = 12): string {
  return sha.length > n ? sha.slice(0, n) : sha;
}

/** `Versi 2` for a file of a recognised unit; `null` when there is no version to show. */
export function versionLabel(f: Pick<FileResult, 'unit_code' | 'version'>): string | null {
  return f.unit_code !== null && f.version > 0 ? `Versi ${f.version}` : null;
}

export interface Pair {
  older: number;
  newer: number;
}

/** The two versions to compare: what Rust compared, else the last two; `null` with fewer than two. */
export function defaultPair(versions: readonly number[], compared: readonly [number, number] | null): Pair | null {
  if (compared) return { older: compared[0], newer: compared[1] };
  if (versions.length < 2) return null;
  return { older: versions[versions.length - 2]!, newer: versions[versions.length - 1]! };
}

/** Why a pair of versions cannot be compared, or `null` when it can. */
export function pairProblem(pair: Pair): string | null {
  if (pair.older === pair.newer) return 'Pilih dua versi yang berbeda.';
  if (pair.older > pair.newer) return 'Versi lama harus lebih awal daripada versi baru.';
  return null;
}

export interface ImportTotals {
  files: number;
  recognised: number;
  unreadable: number;
  unchanged: number;
  rows: number;
}

/** The summary line of one import. Files that changed nothing count as files, not as rows. */
export function importTotals(files: readonly FileResult[]): ImportTotals {
  const changed = files.filter((f) => !f.unchanged);
  return {
    files: files.length,
    recognised: changed.filter((f) => f.unit_code !== null).length,
    unreadable: changed.filter((f) => !f.readable).length,
    unchanged: files.length - changed.length,
    rows: changed.reduce((n, f) => n + f.rows, 0),
  };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** What is wrong with the two date fields before asking Rust (which checks the period). */
export function windowFieldsProblem(from: string, to: string): string | null {
  if (from.trim() === '' || to.trim() === '') return 'Isi tanggal awal dan tanggal akhir.';
  if (!isIsoDate(from.trim()) || !isIsoDate(to.trim())) return 'Tanggal tidak dikenali; gunakan pemilih tanggal.';
  if (from.trim() > to.trim()) return 'Tanggal awal harus sebelum atau sama dengan tanggal akhir.';
  return null;
}
