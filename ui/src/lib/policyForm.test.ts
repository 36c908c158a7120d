import { describe, expect, it } from 'vitest';
import {
  capOf,
  groupProblems,
  idProblem,
  isIsoDate,
  localProblems,
  numberOrNull,
  problemKey,
  splitUnitLabel,
  suggestId,
  toPayload,
  tomlFileName,
  unitTree,
  withCap,
  type PolicyForm,
} from './policyForm';

// A preset as `policy_form` returns it: the serde JSON of the Rust `Policy` (converted from
// `fleksi policy show rejang-lebong-2026 --toml`, notes shortened). Typing it as `PolicyForm`
// checks the TypeScript shape against what Rust writes.
const REJANG_LEBONG: PolicyForm = {
  id: 'rejang-lebong-2026',
  issuer: 'Pemerintah Kabupaten Rejang Lebong',
  issuer_title: 'BUPATI REJANG LEBONG',
  place: 'Curup',
  kind: 'surat_edaran',
  number: '[ISI: nomor Surat Edaran Bupati Rejang Lebong]',
  date: '2026-04-01',
  subject: 'Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara Secara Fleksibel',
  start: '2026-04-06',
  end: '2026-12-31',
  working_weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
  extra_days_off: [],
  exempt_positions: [],
  wfa_weekdays: [],
  approval_required: false,
  approver: 'atasan_langsung',
  weekly_wfa_limit: 2,
  leave_counts_toward_cap: false,
  cap_basis: 'perangkat_daerah',
  schemes: [],
  status_synonyms: [],
  notes: 'Sumber: rapat koordinasi Pemkab Rejang L',
  assumptions: [],
  signatory: { position: 'BUPATI REJANG LEBONG', name: '[ISI: nama Bupati Rejang Lebong]' },
  caps: [
    { weekday: 'Mon', percent: 50 },
    { weekday: 'Tue', percent: 50 },
    { weekday: 'Wed', percent: 50 },
    { weekday: 'Thu', percent: 50 },
    { weekday: 'Fri', percent: 100 },
  ],
  exempt: [
    { by: 'word', value: 'RSUD' },
    { by: 'abbreviation', value: 'Disdukcapil' },
    { by: 'name', value: 'Dinas Kependudukan dan Pencatatan Sipil' },
  ],
};

// Every field of the Rust `Policy` (crates/fleksi-core/src/policy.rs, deny_unknown_fields).
const RUST_FIELDS = [
  'id', 'issuer', 'issuer_title', 'place', 'kind', 'number', 'date', 'subject', 'signatory', 'start', 'end',
  'working_weekdays', 'extra_days_off', 'caps', 'exempt', 'exempt_positions', 'wfa_weekdays', 'approval_required',
  'approver', 'weekly_wfa_limit', 'leave_counts_toward_cap', 'cap_basis', 'schemes', 'status_synonyms', 'notes',
  'assumptions',
];

const form = (over: Partial<PolicyForm> = {}): PolicyForm => ({ ...structuredClone(REJANG_LEBONG), ...over });

describe('PolicyForm shape', () => {
  it('has exactly the fields of the Rust Policy', () => {
    expect(Object.keys(REJANG_LEBONG).sort()).toEqual([...RUST_FIELDS].sort());
  });

  it('sends no unknown or blank optional fields', () => {
    const f = form({
      signatory: { position: 'SEKRETARIS DAERAH', name: 'Ahmad', rank: '  ', nip: '197001011995031001' },
      weekly_wfa_limit: null,
      schemes: [{ unit: 'BKPSDM', caps: [{ weekday: 'Mon', percent: 30 }], piket_min: null }],
      assumptions: ['date: belum pasti', '  '],
      working_weekdays: ['Fri', 'Mon', 'Mon'],
    });
    const p = toPayload(f);
    expect(p.signatory).toEqual({ position: 'SEKRETARIS DAERAH', name: 'Ahmad', nip: '197001011995031001' });
    expect('weekly_wfa_limit' in p).toBe(false);
    expect(p.schemes).toEqual([{ unit: 'BKPSDM', caps: [{ weekday: 'Mon', percent: 30 }] }]);
    expect(p.assumptions).toEqual(['date: belum pasti']);
    expect(p.working_weekdays).toEqual(['Mon', 'Fri']);
    expect(Object.keys(p).every((k) => RUST_FIELDS.includes(k))).toBe(true);
    // The form itself is left as typed.
    expect(f.signatory.rank).toBe('  ');
  });
});

describe('caps per weekday', () => {
  it('reads, sets and removes a weekday cap in weekday order', () => {
    const caps = REJANG_LEBONG.caps;
    expect(capOf(caps, 'Fri')).toBe(100);
    expect(capOf(caps, 'Sat')).toBeNull();
    const changed = withCap(withCap(caps, 'Sat', 20), 'Mon', null);
    expect(changed.map((c) => c.weekday)).toEqual(['Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(withCap([], 'Wed', 0)).toEqual([{ weekday: 'Wed', percent: 0 }]);
  });

  it('reads number inputs', () => {
    expect(numberOrNull(' ')).toBeNull();
    expect(numberOrNull('50')).toBe(50);
    expect(numberOrNull('12,5')).toBe(12.5);
    expect(numberOrNull('x')).toBeNaN();
  });
});

describe('local problems', () => {
  it('accepts a valid form', () => {
    expect(localProblems(REJANG_LEBONG)).toEqual([]);
  });

  it('names each unreadable date and number by its field', () => {
    const f = form({
      date: '',
      end: '2026-02-30',
      extra_days_off: ['2026-06-03', ''],
      caps: [{ weekday: 'Mon', percent: 12.5 }],
      schemes: [{ unit: 'BKPSDM', caps: [{ weekday: 'Tue', percent: Number.NaN }], piket_min: -1 }],
      weekly_wfa_limit: 9,
    });
    const fields = localProblems(f).map((p) => p.field);
    expect(fields).toEqual([
      'date',
      'end',
      'extra_days_off[1]',
      'caps[0].percent',
      'schemes[0].caps[0].percent',
      'schemes[0].piket_min',
      'weekly_wfa_limit',
    ]);
    expect(localProblems(f)[0]?.message).toBe('tanggal surat wajib diisi');
  });

  it('knows real dates', () => {
    expect(isIsoDate('2026-06-02')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('02-06-2026')).toBe(false);
  });
});

describe('problems at their fields', () => {
  const f = form({
    schemes: [{ unit: 'BKPSDM', caps: [{ weekday: 'Mon', percent: 30 }, { weekday: 'Tue', percent: 120 }] }],
    status_synonyms: [{ text: 'Luring', status: 'WFO' }],
  });

  it('maps Rust field paths to the form', () => {
    expect(problemKey('caps[4].percent', f)).toBe('caps.Fri');
    expect(problemKey('caps[9].weekday', f)).toBe('caps');
    expect(problemKey('schemes[0].caps[1].percent', f)).toBe('schemes[0].caps.Tue');
    expect(problemKey('schemes[0].unit', f)).toBe('schemes[0].unit');
    expect(problemKey('status_synonyms[0].text', f)).toBe('status_synonyms[0]');
    expect(problemKey('exempt[2].value', f)).toBe('exempt[2]');
    expect(problemKey('working_weekdays[3]', f)).toBe('working_weekdays');
    expect(problemKey('signatory.name', f)).toBe('signatory.name');
    expect(problemKey('end', f)).toBe('end');
  });

  it('puts problems of unknown fields at the top', () => {
    const g = groupProblems(
      [
        { field: 'end', message: 'tanggal akhir sebelum tanggal awal', line: 12 },
        { field: 'caps[1].percent', message: 'batas 120 % melebihi 100 %', line: null },
        { field: 'schemes[0].caps[1].percent', message: 'batas 120 % melebihi 100 %', line: null },
        { field: '', message: 'isian tidak lengkap', line: null },
        { field: 'id', message: 'kode berbeda', line: 1 },
        { field: 'schemes[3].unit', message: 'tidak ada', line: null },
      ],
      f,
    );
    expect(g.byKey).toEqual({
      end: ['tanggal akhir sebelum tanggal awal'],
      'caps.Tue': ['batas 120 % melebihi 100 %'],
      'schemes[0].caps.Tue': ['batas 120 % melebihi 100 %'],
    });
    expect(g.top.map((p) => p.field)).toEqual(['', 'id', 'schemes[3].unit']);
  });
});

describe('ids and names', () => {
  it('suggests a short id from a name', () => {
    expect(suggestId('Kabupaten Sukamaju')).toBe('kabupaten-sukamaju');
    expect(suggestId('SE Sukamaju (Juni) 2026')).toBe('se-sukamaju-juni-2026');
    expect(suggestId('  Kab. Bekasi — Nyepi ')).toBe('kab-bekasi-nyepi');
    expect(suggestId('Pemerintah Kabupaten Pesisir Barat Tahun Anggaran 2025 Perubahan Kedua Ketiga Keempat')).toHaveLength(64);
    expect(suggestId('…')).toBe('');
  });

  it('checks an id as the Rust side does', () => {
    const taken = ['lebak-2025-12', 'sukamaju-2026-06'];
    expect(idProblem('kabupaten-sukamaju', taken)).toBeNull();
    expect(idProblem('', taken)).toMatch(/wajib diisi/);
    expect(idProblem('Sukamaju', taken)).toMatch(/huruf kecil/);
    expect(idProblem('-a', taken)).toMatch(/huruf kecil/);
    expect(idProblem('kosong', taken)).toMatch(/dicadangkan/);
    expect(idProblem('lebak-2025-12', taken)).toMatch(/sudah dipakai/);
    expect(idProblem('a'.repeat(65), taken)).toMatch(/64/);
  });

  it('names a TOML file after the letter, never an id', () => {
    expect(tomlFileName('Surat Edaran Bupati Lebak Nomor B.000/19-PPI/XII/2025')).toBe(
      'Surat Edaran Bupati Lebak Nomor B.000-19-PPI-XII-2025.toml',
    );
    expect(tomlFileName('  ')).toBe('Surat Edaran.toml');
  });
});

describe('the unit tree', () => {
  it('splits the preview labels', () => {
    expect(splitUnitLabel('Dinas Kesehatan (DINKES)')).toEqual({ name: 'Dinas Kesehatan', code: 'DINKES' });
    expect(splitUnitLabel('RSUD (Tipe B) (RSUD-1)')).toEqual({ name: 'RSUD (Tipe B)', code: 'RSUD-1' });
    expect(splitUnitLabel('Tanpa kode')).toEqual({ name: 'Tanpa kode', code: '' });
  });

  it('puts children under their nearest parent, in master order', () => {
    const units = [
      { code: 'PKM-A', name: 'Puskesmas A' },
      { code: 'SETDA', name: 'Sekretariat Daerah' },
      { code: 'DINKES', name: 'Dinas Kesehatan' },
      { code: 'KEC', name: 'Kecamatan' },
      { code: 'KEL', name: 'Kelurahan' },
      { code: 'PUSTU', name: 'Pustu A' },
    ];
    const below = { DINKES: ['PKM-A', 'PUSTU'], 'PKM-A': ['PUSTU'], KEC: ['KEL'] };
    expect(unitTree(units, below).map((u) => `${u.depth}:${u.code}`)).toEqual([
      '0:SETDA',
      '0:DINKES',
      '1:PKM-A',
      '2:PUSTU',
      '0:KEC',
      '1:KEL',
    ]);
    // A cycle never loses a unit.
    expect(unitTree(units.slice(0, 2), { 'PKM-A': ['SETDA'], SETDA: ['PKM-A'] })).toHaveLength(2);
  });
});
