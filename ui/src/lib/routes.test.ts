import { describe, expect, it } from 'vitest';
import { HOME, ROUTES, hrefFor, routeFromHash, routeInfo } from './routes';

describe('routes', () => {
  it('lists the sidebar pages in order, in Bahasa Indonesia', () => {
    expect(ROUTES.map((r) => r.label)).toEqual([
      'Beranda',
      'Surat Edaran',
      'Data Pegawai',
      'Impor Jadwal',
      'Temuan',
      'Rekap & Cetak',
      'Pengaturan',
    ]);
  });

  it('round-trips every page through its hash', () => {
    for (const r of ROUTES) {
      expect(routeFromHash(hrefFor(r.id))).toBe(r.id);
    }
  });

  it('sends empty and unknown hashes to Beranda', () => {
    expect(routeFromHash('')).toBe(HOME);
    expect(routeFromHash('#/')).toBe(HOME);
    expect(routeFromHash('#/tidak-ada')).toBe(HOME);
  });

  it('ignores sub-paths and queries after the page id', () => {
    expect(routeFromHash('#/temuan/123')).toBe('temuan');
    expect(routeFromHash('#/rekap-cetak?unit=DINKES')).toBe('rekap-cetak');
    expect(routeFromHash('#temuan')).toBe('temuan');
  });

  it('gives each page a summary', () => {
    for (const r of ROUTES) {
      expect(routeInfo(r.id).summary.length).toBeGreaterThan(20);
    }
  });
});
