// The app's pages and the small hash router that picks one (`#/temuan` → "temuan").

export type RouteId =
  | 'beranda'
  | 'surat-edaran'
  | 'data-pegawai'
  | 'impor-jadwal'
  | 'temuan'
  | 'rekap-cetak'
  | 'pengaturan';

export interface RouteInfo {
  id: RouteId;
  /** Sidebar label and page heading (Bahasa Indonesia). */
  label: string;
  /** One line under the heading saying what the page is for. */
  summary: string;
}

/** Sidebar order. The first route is the home page. */
export const ROUTES: readonly RouteInfo[] = [
  {
    id: 'beranda',
    label: 'Beranda',
    summary: 'Ringkasan aplikasi, folder data dan langkah kerja rekap jadwal.',
  },
  {
    id: 'surat-edaran',
    label: 'Surat Edaran',
    summary: 'Aturan kerja fleksibel yang berlaku: masa berlaku, batas WFA dan unit yang dikecualikan.',
  },
  {
    id: 'data-pegawai',
    label: 'Data Pegawai',
    summary: 'Data induk Pegawai (ASN) dan Perangkat Daerah / Unit Kerja.',
  },
  {
    id: 'impor-jadwal',
    label: 'Impor Jadwal',
    summary: 'Berkas jadwal WFO/WFA kiriman setiap Perangkat Daerah.',
  },
  {
    id: 'temuan',
    label: 'Temuan',
    summary: 'Kesalahan dan peringatan hasil pemeriksaan jadwal, lengkap dengan saran perbaikan.',
  },
  {
    id: 'rekap-cetak',
    label: 'Rekap & Cetak',
    summary: 'Rekapitulasi per Perangkat Daerah per hari kerja, lampiran PDF dan rekap XLSX.',
  },
  {
    id: 'pengaturan',
    label: 'Pengaturan',
    summary: 'Folder data, basis data, pemetaan kolom tersimpan, riwayat impor dan jejak audit.',
  },
];

export const HOME: RouteId = 'beranda';

/** The page a location hash points to; anything unknown goes to Beranda. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const found = ROUTES.find((r) => r.id === id);
  return found ? found.id : HOME;
}

/** The hash that opens a page (`#/temuan`; Beranda is `#/`). */
export function hrefFor(id: RouteId): string {
  return id === HOME ? '#/' : `#/${id}`;
}

export function routeInfo(id: RouteId): RouteInfo {
  const found = ROUTES.find((r) => r.id === id);
  if (!found) throw new Error(`unknown route ${id}`);
  return found;
}
