import { describe, expect, it } from 'vitest';
import { dayHeader, optionsFrom, statusClass } from './propose';

describe('propose helpers', () => {
  it('reads the option fields, blank or invalid as the default', () => {
    expect(optionsFrom('1', '')).toEqual({ heads_in_office: 1 });
    expect(optionsFrom(2, 3)).toEqual({ heads_in_office: 2, per_bidang: 3 });
    expect(optionsFrom('', '0')).toEqual({});
    expect(optionsFrom('-1', 'x')).toEqual({});
    expect(optionsFrom('1.5', '2')).toEqual({ per_bidang: 2 });
  });
  it('names the day', () => {
    expect(dayHeader('2026-06-02')).toBe('Sel 02-06');
    expect(dayHeader('2025-12-29')).toBe('Sen 29-12');
  });
  it('colours statuses', () => {
    expect(statusClass('WFA')).toBe('wfa');
    expect(statusClass('piket')).toBe('piket');
    expect(statusClass('WFO')).toBe('wfo');
    expect(statusClass('CUTI')).toBe('other');
  });
});
