// The Surat Edaran editor's form: the policy as JSON in the serde shape of the Rust
// `fleksi_core::Policy` (the same fields as its TOML; see crates/fleksi-core/src/policy.rs),
// and the pure helpers the editor needs: a clean payload for `policy_preview` /
// `save_policy_form`, the checks serde would otherwise fail on (dates, whole numbers), where a
// problem's field path (`caps[2].percent`) shows on the form, ids and file names.

import type { PolicyProblem } from './bindings/PolicyProblem';

/** chrono's `Weekday` as serde writes it. */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';
/** `fleksi_core::status::Status` codes. */
export type StatusCode = 'WFO' | 'WFA' | 'CUTI' | 'SAKIT' | 'DL' | 'IZIN' | 'TB' | 'PIKET' | 'TL';
export type DocumentKind = 'surat_edaran' | 'keputusan';
export type CapBasis = 'perangkat_daerah' | 'unit_kerja';
export type Approver = 'atasan_langsung' | 'kepala_perangkat_daerah';
export type MatcherBy = 'code' | 'name' | 'abbreviation' | 'word';

export interface WeekdayCap {
  weekday: Weekday;
  percent: number;
}

export interface Signatory {
  position: string;
  name: string;
  /** Omitted (absent or null) for the regional head. */
  rank?: string | null;
  nip?: string | null;
}

/** `UnitScheme`: a unit's own caps per weekday and/or a piket minimum. */
export interface UnitScheme {
  unit: string;
  caps: WeekdayCap[];
  piket_min?: number | null;
}

/** `UnitMatcher` (serde: tag `by`, content `value`). */
export interface UnitMatcher {
  by: MatcherBy;
  value: string;
}

export interface StatusSynonym {
  text: string;
  status: StatusCode;
}

/** A policy as `policy_form` returns it and `policy_preview` / `save_policy_form` take it. */
export interface PolicyForm {
  id: string;
  issuer: string;
  issuer_title: string;
  place: string;
  kind: DocumentKind;
  number: string;
  /** ISO dates (`2026-06-02`). */
  date: string;
  subject: string;
  signatory: Signatory;
  start: string;
  end: string;
  working_weekdays: Weekday[];
  extra_days_off: string[];
  caps: WeekdayCap[];
  exempt: UnitMatcher[];
  exempt_positions: string[];
  wfa_weekdays: Weekday[];
  approval_required: boolean;
  approver: Approver;
  weekly_wfa_limit?: number | null;
  leave_counts_toward_cap: boolean;
  cap_basis: CapBasis;
  schemes: UnitScheme[];
  status_synonyms: StatusSynonym[];
  notes: string;
  assumptions: string[];
}

export const WEEKDAYS: readonly { id: Weekday; name: string; short: string }[] = [
  { id: 'Mon', name: 'Senin', short: 'Sen' },
  { id: 'Tue', name: 'Selasa', short: 'Sel' },
  { id: 'Wed', name: 'Rabu', short: 'Rab' },
  { id: 'Thu', name: 'Kamis', short: 'Kam' },
  { id: 'Fri', name: 'Jumat', short: 'Jum' },
  { id: 'Sat', name: 'Sabtu', short: 'Sab' },
  { id: 'Sun', name: 'Minggu', short: 'Min' },
];

export const STATUSES: readonly { code: StatusCode; label: string }[] = [
  { code: 'WFO', label: 'Bekerja di kantor (WFO)' },
  { code: 'WFA', label: 'Bekerja dari mana saja (WFA)' },
  { code: 'PIKET', label: 'Piket di kantor' },
  { code: 'DL', label: 'Dinas luar' },
  { code: 'TL', label: 'Tugas luar' },
  { code: 'CUTI', label: 'Cuti' },
  { code: 'SAKIT', label: 'Sakit' },
  { code: 'IZIN', label: 'Izin' },
  { code: 'TB', label: 'Tugas belajar' },
];

export const MATCHER_KINDS: readonly { by: MatcherBy; label: string }[] = [
  { by: 'word', label: 'Kata dalam nama unit' },
  { by: 'code', label: 'Kode unit' },
  { by: 'name', label: 'Nama unit' },
  { by: 'abbreviation', label: 'Singkatan' },
];

const ORDER: Record<Weekday, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Weekdays in calendar order, each once. */
export function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => ORDER[a] - ORDER[b]);
}

/** The cap on `day` (`null`: no cap that day). */
export function capOf(caps: readonly WeekdayCap[], day: Weekday): number | null {
  return caps.find((c) => c.weekday === day)?.percent ?? null;
}

/** `caps` with `day` set to `percent` (`null` removes it), in weekday order. */
export function withCap(caps: readonly WeekdayCap[], day: Weekday, percent: number | null): WeekdayCap[] {
  const rest = caps.filter((c) => c.weekday !== day);
  if (percent !== null) rest.push({ weekday: day, percent });
  return rest.sort((a, b) => ORDER[a.weekday] - ORDER[b.weekday]);
}

/** A number input's text as a cap: blank is `null`; anything else a number (maybe NaN). */
export function numberOrNull(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return t === '' ? null : Number(t);
}

function blankToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v;
}

/**
 * The form as the Rust side reads it: optional texts left blank become absent (a blank rank
 * must not print an empty line), blank assumption lines dropped, a blank weekly limit or
 * piket minimum absent. Everything else is sent as typed; Rust checks it.
 */
export function toPayload(form: PolicyForm): PolicyForm {
  const copy: PolicyForm = JSON.parse(JSON.stringify(form));
  const signatory: Signatory = { position: copy.signatory.position, name: copy.signatory.name };
  const rank = blankToNull(copy.signatory.rank);
  const nip = blankToNull(copy.signatory.nip);
  if (rank !== null) signatory.rank = rank;
  if (nip !== null) signatory.nip = nip;
  copy.signatory = signatory;
  if (copy.weekly_wfa_limit === null || copy.weekly_wfa_limit === undefined) delete copy.weekly_wfa_limit;
  copy.schemes = copy.schemes.map((s) => {
    const out: UnitScheme = { unit: s.unit, caps: s.caps };
    if (s.piket_min !== null && s.piket_min !== undefined) out.piket_min = s.piket_min;
    return out;
  });
  copy.assumptions = copy.assumptions.filter((a) => a.trim() !== '');
  copy.working_weekdays = sortWeekdays(copy.working_weekdays);
  copy.wfa_weekdays = sortWeekdays(copy.wfa_weekdays);
  return copy;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function wholeNumber(v: number, max?: number): string | null {
  if (!Number.isFinite(v) || !Number.isInteger(v)) return 'isi dengan bilangan bulat';
  if (v < 0) return 'tidak boleh kurang dari 0';
  if (max !== undefined && v > max) return `paling besar ${max}`;
  return null;
}

/**
 * What the form holds that Rust could not even read (a missing or impossible date, a number
 * that is not a whole number): checked here so each shows at its field instead of one
 * message for the whole form. Empty when the form can be sent.
 */
export function localProblems(form: PolicyForm): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const add = (field: string, message: string) => out.push({ field, message, line: null });
  const dates: [string, string, string][] = [
    ['date', form.date, 'tanggal surat'],
    ['start', form.start, 'tanggal awal'],
    ['end', form.end, 'tanggal akhir'],
  ];
  for (const [field, value, label] of dates) {
    if (!value) add(field, `${label} wajib diisi`);
    else if (!isIsoDate(value)) add(field, `${label} "${value}" bukan tanggal yang sah`);
  }
  form.extra_days_off.forEach((d, i) => {
    if (!isIsoDate(d)) add(`extra_days_off[${i}]`, d ? `"${d}" bukan tanggal yang sah` : 'tanggal wajib diisi');
  });
  const caps = (field: string, list: readonly WeekdayCap[]) =>
    list.forEach((c, i) => {
      const bad = wholeNumber(c.percent);
      if (bad) add(`${field}[${i}].percent`, `batas WFA: ${bad}`);
    });
  caps('caps', form.caps);
  form.schemes.forEach((s, i) => {
    caps(`schemes[${i}].caps`, s.caps);
    if (s.piket_min !== null && s.piket_min !== undefined) {
      const bad = wholeNumber(s.piket_min);
      if (bad) add(`schemes[${i}].piket_min`, `jumlah piket: ${bad}`);
    }
  });
  if (form.weekly_wfa_limit !== null && form.weekly_wfa_limit !== undefined) {
    const bad = wholeNumber(form.weekly_wfa_limit, 7);
    if (bad) add('weekly_wfa_limit', `batas per minggu: ${bad}`);
  }
  return out;
}

/** Fields shown once on the form (a problem naming one shows under it). */
const PLAIN = [
  'kind',
  'number',
  'date',
  'subject',
  'issuer',
  'issuer_title',
  'place',
  'signatory.position',
  'signatory.name',
  'signatory.rank',
  'signatory.nip',
  'start',
  'end',
  'working_weekdays',
  'extra_days_off',
  'cap_basis',
  'caps',
  'wfa_weekdays',
  'leave_counts_toward_cap',
  'schemes',
  'exempt',
  'exempt_positions',
  'approval_required',
  'approver',
  'weekly_wfa_limit',
  'status_synonyms',
  'notes',
  'assumptions',
] as const;

/**
 * Where a problem's field path shows on the form: `caps[2].percent` → `caps.Wed` (the
 * weekday of that entry in `form`), `schemes[0].caps[1].percent` → `schemes[0].caps.Tue`,
 * `status_synonyms[1].text` → `status_synonyms[1]`, `working_weekdays[3]` →
 * `working_weekdays`. Anything else is returned as it is.
 */
export function problemKey(field: string, form: PolicyForm): string {
  let m = /^caps\[(\d+)\]/.exec(field);
  if (m) {
    const day = form.caps[Number(m[1])]?.weekday;
    return day ? `caps.${day}` : 'caps';
  }
  m = /^schemes\[(\d+)\]\.caps\[(\d+)\]/.exec(field);
  if (m) {
    const i = Number(m[1]);
    const day = form.schemes[i]?.caps[Number(m[2])]?.weekday;
    return day ? `schemes[${i}].caps.${day}` : `schemes[${i}]`;
  }
  m = /^schemes\[(\d+)\]\.caps$/.exec(field);
  if (m) return `schemes[${m[1]}]`;
  m = /^(exempt|exempt_positions|status_synonyms|extra_days_off)\[(\d+)\]/.exec(field);
  if (m) return `${m[1]}[${m[2]}]`;
  m = /^(working_weekdays|wfa_weekdays|assumptions)\[\d+\]$/.exec(field);
  if (m) return m[1] as string;
  return field;
}

/** Every key the editor shows problems under, for this form. */
export function renderedKeys(form: PolicyForm): Set<string> {
  const keys = new Set<string>(PLAIN);
  for (const w of WEEKDAYS) keys.add(`caps.${w.id}`);
  form.extra_days_off.forEach((_, i) => keys.add(`extra_days_off[${i}]`));
  form.exempt.forEach((_, i) => keys.add(`exempt[${i}]`));
  form.exempt_positions.forEach((_, i) => keys.add(`exempt_positions[${i}]`));
  form.status_synonyms.forEach((_, i) => keys.add(`status_synonyms[${i}]`));
  form.schemes.forEach((_, i) => {
    for (const k of ['', '.unit', '.piket_min']) keys.add(`schemes[${i}]${k}`);
    for (const w of WEEKDAYS) keys.add(`schemes[${i}].caps.${w.id}`);
  });
  return keys;
}

export interface GroupedProblems {
  /** Messages per form key (see `problemKey`). */
  byKey: Record<string, string[]>;
  /** Problems of no field the form shows (listed at the top). */
  top: PolicyProblem[];
}

/** Sorts problems to the fields they belong to; the rest go to the top. */
export function groupProblems(problems: readonly PolicyProblem[], form: PolicyForm): GroupedProblems {
  const shown = renderedKeys(form);
  const byKey: Record<string, string[]> = {};
  const top: PolicyProblem[] = [];
  for (const p of problems) {
    const key = p.field ? problemKey(p.field, form) : '';
    if (key && shown.has(key)) (byKey[key] ??= []).push(p.message);
    else top.push(p);
  }
  return { byKey, top };
}

/** Ids the clerk cannot use for a stored policy (besides the presets'). */
const RESERVED = ['kosong', 'blank'];
const MAX_ID = 64;

/** A short id from a name: lower case, digits and `-` (`Kab. Sukamaju 2026` → `kab-sukamaju-2026`). */
export function suggestId(name: string): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let id = '';
  for (const c of plain) {
    if (/[a-z0-9]/.test(c)) id += c;
    else if (id !== '' && !id.endsWith('-')) id += '-';
  }
  return id.replace(/-+$/, '').slice(0, MAX_ID).replace(/-+$/, '');
}

/** Why `id` cannot name a new policy, in Indonesian (`null`: it can). */
export function idProblem(id: string, taken: readonly string[]): string | null {
  if (id === '') return 'Kode singkat wajib diisi.';
  if (id.length > MAX_ID) return `Kode singkat paling panjang ${MAX_ID} karakter.`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    return "Kode singkat hanya boleh berisi huruf kecil, angka dan tanda '-' (tidak diawali '-').";
  }
  if (RESERVED.includes(id)) return `Kode "${id}" dicadangkan; pilih kode lain.`;
  if (taken.includes(id)) return `Kode "${id}" sudah dipakai; pilih kode lain.`;
  return null;
}

/** A file name for a policy's TOML from its title: characters a file name cannot hold become `-`. */
export function tomlFileName(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .trim();
  return `${clean || 'Surat Edaran'}.toml`;
}

/** `Dinas Kesehatan (DINKES)` → `{ name: 'Dinas Kesehatan', code: 'DINKES' }`. */
export function splitUnitLabel(label: string): { name: string; code: string } {
  const m = /^(.*)\s\(([^()]+)\)$/.exec(label.trim());
  return m ? { name: (m[1] as string).trim(), code: m[2] as string } : { name: label.trim(), code: '' };
}

export interface TreeUnit {
  code: string;
  name: string;
  /** 0 for a perangkat daerah, 1 for its sub-units, … */
  depth: number;
}

/**
 * The units as a tree in master order, children right under their parent: `below[code]` is
 * every unit under `code` (children and their children). A unit's parent is the nearest
 * unit that has it below (the one with the fewest units below).
 */
export function unitTree(
  units: readonly { code: string; name: string }[],
  below: Readonly<Record<string, readonly string[]>>,
): TreeUnit[] {
  const parent = new Map<string, string>();
  for (const u of units) {
    let best: string | null = null;
    for (const p of units) {
      if (p.code === u.code || !(below[p.code] ?? []).includes(u.code)) continue;
      if (best === null || (below[p.code]?.length ?? 0) < (below[best]?.length ?? 0)) best = p.code;
    }
    if (best !== null) parent.set(u.code, best);
  }
  const out: TreeUnit[] = [];
  const seen = new Set<string>();
  const visit = (u: { code: string; name: string }, depth: number) => {
    if (seen.has(u.code)) return;
    seen.add(u.code);
    out.push({ code: u.code, name: u.name, depth });
    for (const c of units) if (parent.get(c.code) === u.code) visit(c, depth + 1);
  };
  for (const u of units) if (!parent.has(u.code)) visit(u, 0);
  for (const u of units) visit(u, 0); // a cycle would leave some out; never lose a unit
  return out;
}
