import { describe, expect, it, vi } from 'vitest';
import { addPaths, breakParts, countsText, debounce, fileName, formatBytes, formatNumber, pager } from './format';

describe('numbers', () => {
  it('groups thousands with a dot', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('writes sizes with a decimal comma', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(12_595)).toBe('12,3 KB');
    expect(formatBytes(1_468_006)).toBe('1,4 MB');
  });

  it('says the counts in words', () => {
    expect(countsText(3, 1)).toBe('3 kesalahan, 1 peringatan');
    expect(countsText(0, 0)).toBe('tanpa temuan');
  });
});

describe('paths', () => {
  it('takes the file name of Windows and Unix paths', () => {
    expect(fileName('C:\\Jadwal\\Dinkes.xlsx')).toBe('Dinkes.xlsx');
    expect(fileName('/home/a/jadwal/')).toBe('jadwal');
    expect(fileName('a.csv')).toBe('a.csv');
  });

  it('adds new paths once, trimmed and unquoted', () => {
    expect(addPaths(['/a.xlsx'], [' /b.xlsx ', '/a.xlsx', '', '"C:\\x y\\c.xls"'])).toEqual([
      '/a.xlsx',
      '/b.xlsx',
      'C:\\x y\\c.xls',
    ]);
  });
});

describe('pager', () => {
  it('shows the first page', () => {
    const p = pager(0, 100, 250, 100);
    expect(p.label).toBe('1–100 dari 250');
    expect(p.prev).toBeNull();
    expect(p.next).toBe(100);
  });

  it('shows the last, partial page', () => {
    const p = pager(200, 50, 250, 100);
    expect(p.label).toBe('201–250 dari 250');
    expect(p.prev).toBe(100);
    expect(p.next).toBeNull();
  });

  it('shows nothing to page through when empty', () => {
    const p = pager(0, 0, 0, 100);
    expect(p.label).toBe('0–0 dari 0');
    expect(p.prev).toBeNull();
    expect(p.next).toBeNull();
  });

  it('uses a dot for thousands in the label', () => {
    expect(pager(1000, 100, 1500, 100).label).toBe('1.001–1.100 dari 1.500');
  });
});

describe('debounce', () => {
  it('runs once with the last value after the pause', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const f = debounce((v: string) => seen.push(v), 250);
    f('b');
    f('bu');
    vi.advanceTimersByTime(200);
    f('budi');
    vi.advanceTimersByTime(249);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['budi']);
    vi.useRealTimers();
  });
});

describe('breakParts', () => {
  it('cuts after _ - . and spaces only, keeping every character', () => {
    expect(breakParts('05_BKPSDM.csv')).toEqual(['05_', 'BKPSDM.', 'csv']);
    expect(breakParts('Jadwal WFA-Dinkes__v2.xlsx')).toEqual(['Jadwal ', 'WFA-', 'Dinkes__', 'v2.', 'xlsx']);
    expect(breakParts('lampiran')).toEqual(['lampiran']);
    expect(breakParts('')).toEqual(['']);
    const name = 'a.b-c_d e';
    expect(breakParts(name).join('')).toBe(name);
  });
});
