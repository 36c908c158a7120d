// Typed calls to the Rust commands. Every failure is normalised to an `IpcError`
// ({code, message}); pages switch on `code` and show `message` (Bahasa Indonesia).

import { Channel, invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { BackupCheck } from './bindings/BackupCheck';
import type { DocOptions } from './bindings/DocOptions';
import type { ErrorCode } from './bindings/ErrorCode';
import type { FindingPage } from './bindings/FindingPage';
import type { FindingQuery } from './bindings/FindingQuery';
import type { ImportEvent } from './bindings/ImportEvent';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { ImportRequest } from './bindings/ImportRequest';
import type { IpcError } from './bindings/IpcError';
import type { History } from './bindings/History';
import type { MasterCheck } from './bindings/MasterCheck';
import type { PolicyDetail } from './bindings/PolicyDetail';
import type { PolicyEntry } from './bindings/PolicyEntry';
import type { PolicyPreview } from './bindings/PolicyPreview';
import type { PolicyProblem } from './bindings/PolicyProblem';
import type { PrintCheck } from './bindings/PrintCheck';
import type { ProposalView } from './bindings/ProposalView';
import type { ProposeOptions } from './bindings/ProposeOptions';
import type { PolicyForm } from './policyForm';
import type { RecapGrid } from './bindings/RecapGrid';
import type { SavedFile } from './bindings/SavedFile';
import type { SessionState } from './bindings/SessionState';
import type { SessionSummary } from './bindings/SessionSummary';
import type { StaffPage } from './bindings/StaffPage';
import type { StaffPerson } from './bindings/StaffPerson';
import type { StaffQuery } from './bindings/StaffQuery';
import type { UnitDocuments } from './bindings/UnitDocuments';
import type { UnitHistory } from './bindings/UnitHistory';
import type { UnitNode } from './bindings/UnitNode';

/** Every code Rust may send (mirrors `bindings/ErrorCode.ts`). */
export const CODES: readonly ErrorCode[] = [
  'data_dir.unavailable',
  'open.failed',
  'policy.unknown',
  'master.invalid',
  'input.missing',
  'import.busy',
  'session.empty',
  'store.failed',
  'document.failed',
  'unit.unknown',
  'window.invalid',
  'backup.invalid',
  'internal',
];

/** The event Rust emits after the working set changed (start-up load, import, demo, clear,
 * removal of a file, reporting window, restore). */
export const SESSION_CHANGED = 'session-changed';

/** Turns whatever a failed `invoke` threw into an `IpcError`. */
export function toIpcError(err: unknown): IpcError {
  if (typeof err === 'object' && err !== null && 'code' in err && 'message' in err) {
    const { code, message } = err as { code: unknown; message: unknown };
    if (typeof message === 'string' && CODES.includes(code as ErrorCode)) {
      return { code: code as ErrorCode, message };
    }
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Terjadi kesalahan tak terduga: ${detail}` };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toIpcError(err);
  }
}

/** Version, data folder and log folder of this installation. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Opens the data folder in the system's file manager. */
export function openDataDir(): Promise<void> {
  return call<void>('open_data_dir');
}

/** Every policy (Surat Edaran): the presets first, then the clerk's own (archived ones on
 * request; the one in use always). */
export function listPolicies(includeArchived = false): Promise<PolicyEntry[]> {
  return call<PolicyEntry[]>('list_policies', { includeArchived });
}

/** One policy (preset or stored) as the editor's form. */
export function policyForm(id: string): Promise<PolicyForm> {
  return call<PolicyForm>('policy_form', { id });
}

/** The live preview of an unsaved form: days off, caps, exempt units, problems per field. */
export function policyPreview(form: PolicyForm): Promise<PolicyPreview> {
  return call<PolicyPreview>('policy_preview', { form });
}

/** Saves the form as policy `id`: the problems (nothing saved) or `[]` (saved). */
export function savePolicyForm(id: string, form: PolicyForm): Promise<PolicyProblem[]> {
  return call<PolicyProblem[]>('save_policy_form', { id, form });
}

/** A new policy from a preset, a stored policy or `kosong` (blank). */
export function newPolicy(from: string, id: string, name: string): Promise<PolicyEntry> {
  return call<PolicyEntry>('new_policy', { from, id, name });
}

/** A copy of a policy under a new id. */
export function duplicatePolicy(id: string, newId: string): Promise<PolicyEntry> {
  return call<PolicyEntry>('duplicate_policy', { id, newId });
}

/** Archives (hides) or brings back one of the clerk's policies. */
export function archivePolicy(id: string, archived: boolean): Promise<PolicyEntry> {
  return call<PolicyEntry>('archive_policy', { id, archived });
}

/** Undoes the last saved edit of a policy. */
export function undoPolicy(id: string): Promise<PolicyEntry> {
  return call<PolicyEntry>('undo_policy', { id });
}

/** Writes a policy as TOML to `path`. */
export function exportPolicy(id: string, path: string): Promise<SavedFile> {
  return call<SavedFile>('export_policy', { id, path });
}

/** Reads a policy TOML file into the clerk's policies (checked first). */
export function importPolicy(path: string): Promise<PolicyEntry> {
  return call<PolicyEntry>('import_policy', { path });
}

/** What remains before a clean lampiran, and the file names the save dialogs suggest. */
export function printCheck(): Promise<PrintCheck> {
  return call<PrintCheck>('print_check');
}

/** The database in use, the recent imports and the audit trail (Pengaturan). */
export function importHistory(): Promise<History> {
  return call<History>('import_history');
}

/** Writes a copy of the database to `path` (a new file); resolves to the path. */
export function backupDatabase(path: string): Promise<string> {
  return call<string>('backup_database', { path });
}

/** What a backup file holds, checked without changing anything (for the confirmation). */
export function checkBackup(path: string): Promise<BackupCheck> {
  return call<BackupCheck>('check_backup', { path });
}

/** Replaces the database with the backup at `path`; resolves to where the old one was kept. */
export function restoreDatabase(path: string): Promise<string> {
  return call<string>('restore_database', { path });
}

/** One policy's rules, exemptions, signatory and the days off inside its period. */
export function policyDetail(id: string): Promise<PolicyDetail> {
  return call<PolicyDetail>('policy_detail', { id });
}

/** The working set as it stands (also while it is still loading at start-up). */
export function sessionState(): Promise<SessionState> {
  return call<SessionState>('session_state');
}

/** Reads and checks a master workbook (units, staff, or why it cannot be used). */
export function inspectMaster(path: string): Promise<MasterCheck> {
  return call<MasterCheck>('inspect_master', { path });
}

/** Imports files and folders; `onEvent` gets the progress of every file. */
export function importFiles(
  request: ImportRequest,
  onEvent: (event: ImportEvent) => void,
): Promise<ImportOutcome> {
  const channel = new Channel<ImportEvent>();
  channel.onmessage = onEvent;
  return call<ImportOutcome>('import_files', { request, onEvent: channel });
}

/** Takes one stored file out of the working set (its bytes stay in the database). */
export function removeFile(submissionId: number): Promise<SessionSummary> {
  return call<SessionSummary>('remove_file', { submissionId });
}

/** Replaces the working set with the bundled demo regency. */
export function loadDemo(): Promise<SessionSummary> {
  return call<SessionSummary>('load_demo');
}

/** Starts a new, empty set; earlier files stay in the database. */
export function clearSession(): Promise<void> {
  return call<void>('clear_session');
}

/** Sets the reporting window (ISO dates, inside the policy period); both `null` = the default. */
export function setWindow(from: string | null, to: string | null): Promise<SessionSummary> {
  return call<SessionSummary>('set_window', { from, to });
}

/** A unit's versions and the diff between `older` and `newer` (default: the last two). */
export function unitHistory(unit: string, older?: number, newer?: number): Promise<UnitHistory> {
  return call<UnitHistory>('unit_history', { unit, older: older ?? null, newer: newer ?? null });
}

/** One page of findings (filtered and paged by Rust). */
export function findingPage(query: FindingQuery): Promise<FindingPage> {
  return call<FindingPage>('finding_page', { query });
}

/** The unit × day grid of WFA shares and verdicts. */
export function recapGrid(): Promise<RecapGrid> {
  return call<RecapGrid>('recap_grid');
}

/** One page of Data Pegawai's staff (searched, filtered by unit and paged by Rust). */
export function staffPage(query: StaffQuery): Promise<StaffPage> {
  return call<StaffPage>('staff_page', { query });
}

/** The master's units in tree order (children right after their parent) with staff counts. */
export function unitTree(): Promise<UnitNode[]> {
  return call<UnitNode[]>('unit_tree');
}

/** One person by NIP: their schedule across the reporting window and their findings. */
export function staffPerson(nip: string): Promise<StaffPerson> {
  return call<StaffPerson>('staff_person', { nip });
}

/** The lampiran as PDF bytes, for the preview. */
export async function lampiranPdf(options: DocOptions): Promise<Uint8Array> {
  const raw = await call<ArrayBuffer | number[]>('lampiran_pdf', { options });
  return raw instanceof ArrayBuffer ? new Uint8Array(raw) : Uint8Array.from(raw);
}

/** Writes the lampiran PDF to `path`. */
export function saveLampiran(options: DocOptions, path: string): Promise<SavedFile> {
  return call<SavedFile>('save_lampiran', { options, path });
}

/** Writes the recap XLSX to `path`. */
export function saveRecap(path: string): Promise<SavedFile> {
  return call<SavedFile>('save_recap', { path });
}

/** One row per unit: sent or not, its file, counts and suggested file names. */
export function listUnitDocuments(): Promise<UnitDocuments[]> {
  return call<UnitDocuments[]>('list_unit_documents');
}

/** Writes the schedule template of one unit. */
export function saveTemplate(unit: string, path: string): Promise<SavedFile> {
  return call<SavedFile>('save_template', { unit, path });
}

/** Writes every unit's template into `folder`. */
export function saveAllTemplatesTo(folder: string): Promise<SavedFile> {
  return call<SavedFile>('save_all_templates_to', { folder });
}

/** Writes the annotated corrections workbook of one unit. */
export function saveCorrections(unit: string, path: string): Promise<SavedFile> {
  return call<SavedFile>('save_corrections', { unit, path });
}

/** "Susun jadwal": a proposed schedule for one unit (or all with `null`) over the window. */
export function proposeSchedule(unit: string | null, options: ProposeOptions = {}): Promise<ProposalView> {
  return call<ProposalView>('propose_schedule', { unit, options });
}

/** "Unduh sebagai templat": writes the unit's proposal as its prefilled template. */
export function saveProposalTemplate(unit: string, path: string, options: ProposeOptions = {}): Promise<SavedFile> {
  return call<SavedFile>('save_proposal_template', { unit, options, path });
}

/** "Pakai sebagai jadwal": the unit's proposal becomes its next version in the working set. */
export function useProposal(unit: string, options: ProposeOptions = {}): Promise<ImportOutcome> {
  return call<ImportOutcome>('use_proposal', { unit, options });
}

/** Opens a saved document in the system viewer (to print it). */
export function openDocument(path: string): Promise<void> {
  return call<void>('open_document', { path });
}
