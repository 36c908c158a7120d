import { describe, expect, it } from 'vitest';

import { cellLocation, dayTone, nipDigits, staffSearch } from './staff';

describe('staffSearch', () => {
  it('reads a NIP typed with spaces, dots, dashes or a prefix as its digits', () => {
    for (const typed of [
      '19850312 201001 1 004',
      ' 198503122010011004 ',
      'NIP. 19850312.201001.1.004',
      'nip: 19850312-201001-1-004',
      '19850312\u00a0201001 1 004',
    ]) {
      expect(staffSearch(typed)).toEqual({ text: '198503122010011004', nip: true });
    }
    expect(staffSearch('1985 03')).toEqual({ text: '198503', nip: true });
  });

  it('keeps words as words, trimmed with single spaces', () => {
    expect(staffSearch('  Budi   Santoso ')).toEqual({ text: 'Budi Santoso', nip: false });
    expect(staffSearch('PKM 2')).toEqual({ text: 'PKM 2', nip: false });
    expect(staffSearch('Nining')).toEqual({ text: 'Nining', nip: false });
    expect(staffSearch('   ')).toEqual({ text: '', nip: false });
  });
});

describe('nipDigits', () => {
  it('drops the grouping of PNS and PPPK numbers', () => {
    expect(nipDigits('19850312 201001 1 004')).toBe('198503122010011004');
    expect(nipDigits('19900913 2025 24 2 014')).toBe('199009132025242014');
  });
});

describe('dayTone', () => {
  it('colours office, WFA, away and empty days apart', () => {
    expect(dayTone('WFO')).toBe('office');
    expect(dayTone('PIKET')).toBe('office');
    expect(dayTone('WFA')).toBe('anywhere');
    expect(['CUTI', 'SAKIT', 'DL', 'TL', 'IZIN', 'TB'].map(dayTone)).toEqual(Array(6).fill('away'));
    expect(dayTone(null)).toBe('none');
  });
});

describe('cellLocation', () => {
  it('joins what is known with ›', () => {
    expect(cellLocation({ file: 'a.xlsx', sheet: 'Jadwal', cell: 'F12' })).toBe('a.xlsx › Jadwal › F12');
    expect(cellLocation({ file: 'a.csv', sheet: '', cell: 'C3' })).toBe('a.csv › C3');
    expect(cellLocation({ file: null, sheet: null, cell: null })).toBe('');
  });
});
