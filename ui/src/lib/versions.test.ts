import { describe, expect, it } from 'vitest';
import type { FileResult } from './bindings/FileResult';
import { fileResult } from './testing';
import { defaultPair, importTotals, isIsoDate, pairProblem, shortHash, versionLabel, windowFieldsProblem } from './versions';

function file(over: Partial<FileResult>): FileResult {
  return fileResult({ unit_code: 'DINKES', unit_name: 'Dinas Kesehatan', rows: 10, ...over });
}

describe('versions', () => {
  it('shortens a SHA-256 to 12 characters', () => {
    const sha = 'a'.repeat(12) + 'b'.repeat(52);
    expect(shortHash(sha)).toBe('aaaaaaaaaaaa');
    expect(shortHash('abc')).toBe('abc');
  });

  it('labels the version only for files of a unit', () => {
    expect(versionLabel({ unit_code: 'X', version: 2 })).toBe('Versi 2');
    expect(versionLabel({ unit_code: null, version: 0 })).toBeNull();
    expect(versionLabel({ unit_code: 'X', version: 0 })).toBeNull();
  });

  it('compares what Rust compared, else the last two versions', () => {
    expect(defaultPair([1, 2, 3], [1, 3])).toEqual({ older: 1, newer: 3 });
    expect(defaultPair([1, 2, 3], null)).toEqual({ older: 2, newer: 3 });
    expect(defaultPair([1], null)).toBeNull();
    expect(pairProblem({ older: 2, newer: 2 })).toMatch(/berbeda/);
    expect(pairProblem({ older: 3, newer: 1 })).toMatch(/lebih awal/);
    expect(pairProblem({ older: 1, newer: 2 })).toBeNull();
  });

  it('counts an import, leaving unchanged files out of rows and units', () => {
    const t = importTotals([
      file({ rows: 5 }),
      file({ rows: 7, unchanged: true }),
      file({ unit_code: null, readable: false, rows: 0 }),
    ]);
    expect(t).toEqual({ files: 3, recognised: 1, unreadable: 1, unchanged: 1, rows: 5 });
  });
});

describe('window fields', () => {
  it('knows a real ISO date', () => {
    expect(isIsoDate('2025-12-29')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('29-12-2025')).toBe(false);
  });

  it('asks for both dates, in order', () => {
    expect(windowFieldsProblem('', '2025-12-31')).toMatch(/Isi tanggal/);
    expect(windowFieldsProblem('2025-13-01', '2025-12-31')).toMatch(/tidak dikenali/);
    expect(windowFieldsProblem('2025-12-31', '2025-12-29')).toMatch(/sebelum/);
    expect(windowFieldsProblem('2025-12-29', '2025-12-31')).toBeNull();
  });
});
