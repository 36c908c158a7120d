import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { PolicyForm } from './policyForm';

const invoke = vi.fn();
class FakeChannel<T> {
  onmessage: (message: T) => void = () => {};
}
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: FakeChannel,
}));

const {
  CODES,
  appInfo,
  archivePolicy,
  checkBackup,
  duplicatePolicy,
  exportPolicy,
  importPolicy,
  newPolicy,
  policyForm,
  policyPreview,
  printCheck,
  savePolicyForm,
  undoPolicy,
  findingPage,
  importFiles,
  inspectMaster,
  lampiranPdf,
  listPolicies,
  openDataDir,
  removeFile,
  restoreDatabase,
  saveCorrections,
  saveLampiran,
  setWindow,
  toIpcError,
  unitHistory,
} = await import('./api');

describe('toIpcError', () => {
  it('keeps an IpcError from Rust as it is', () => {
    const err = { code: 'data_dir.unavailable', message: 'Folder data aplikasi tidak dapat dibuat' };
    expect(toIpcError(err)).toEqual(err);
  });

  it('wraps a plain string (e.g. an unknown command) as internal', () => {
    const err = toIpcError('command app_info not found');
    expect(err.code).toBe('internal');
    expect(err.message).toContain('command app_info not found');
    expect(err.message).toMatch(/^Terjadi kesalahan tak terduga/);
  });

  it('does not trust unknown codes', () => {
    expect(toIpcError({ code: 'bogus', message: 'x' }).code).toBe('internal');
  });

  it('knows every code of the Rust ErrorCode enum', () => {
    for (const code of ['policy.unknown', 'master.invalid', 'input.missing', 'import.busy', 'session.empty', 'store.failed', 'document.failed', 'unit.unknown', 'window.invalid', 'backup.invalid'] as const) {
      expect(CODES).toContain(code);
      expect(toIpcError({ code, message: 'pesan' })).toEqual({ code, message: 'pesan' });
    }
  });
});

describe('commands', () => {
  beforeEach(() => invoke.mockReset());

  it('calls app_info and returns its answer', async () => {
    const info = { name: 'Fleksi', version: '0.1.0', data_dir: '/d', log_dir: '/l', os: 'linux' };
    invoke.mockResolvedValueOnce(info);
    await expect(appInfo()).resolves.toEqual(info);
    expect(invoke).toHaveBeenCalledWith('app_info', undefined);
  });

  it('calls list_policies, archived ones on request', async () => {
    invoke.mockResolvedValue([]);
    await expect(listPolicies()).resolves.toEqual([]);
    expect(invoke).toHaveBeenLastCalledWith('list_policies', { includeArchived: false });
    await listPolicies(true);
    expect(invoke).toHaveBeenLastCalledWith('list_policies', { includeArchived: true });
  });

  it('sends the policy commands their camelCase arguments', async () => {
    invoke.mockResolvedValue({});
    const form = { id: 'sukamaju-2026-06' } as unknown as PolicyForm;
    await policyForm('lebak-2025-12');
    expect(invoke).toHaveBeenLastCalledWith('policy_form', { id: 'lebak-2025-12' });
    await policyPreview(form);
    expect(invoke).toHaveBeenLastCalledWith('policy_preview', { form });
    await savePolicyForm('sukamaju-2026-06', form);
    expect(invoke).toHaveBeenLastCalledWith('save_policy_form', { id: 'sukamaju-2026-06', form });
    await newPolicy('kosong', 'sukamaju-2026-06', 'Kabupaten Sukamaju');
    expect(invoke).toHaveBeenLastCalledWith('new_policy', { from: 'kosong', id: 'sukamaju-2026-06', name: 'Kabupaten Sukamaju' });
    await duplicatePolicy('a', 'b');
    expect(invoke).toHaveBeenLastCalledWith('duplicate_policy', { id: 'a', newId: 'b' });
    await archivePolicy('a', true);
    expect(invoke).toHaveBeenLastCalledWith('archive_policy', { id: 'a', archived: true });
    await undoPolicy('a');
    expect(invoke).toHaveBeenLastCalledWith('undo_policy', { id: 'a' });
    await exportPolicy('a', '/o/a.toml');
    expect(invoke).toHaveBeenLastCalledWith('export_policy', { id: 'a', path: '/o/a.toml' });
    await importPolicy('/i/b.toml');
    expect(invoke).toHaveBeenLastCalledWith('import_policy', { path: '/i/b.toml' });
    await printCheck();
    expect(invoke).toHaveBeenLastCalledWith('print_check', undefined);
  });

  it('rejects with an IpcError when the command fails', async () => {
    invoke.mockRejectedValueOnce({ code: 'open.failed', message: '/d tidak dapat dibuka' });
    await expect(openDataDir()).rejects.toEqual({ code: 'open.failed', message: '/d tidak dapat dibuka' });
  });

  it('streams import events through a channel named onEvent', async () => {
    const events: unknown[] = [];
    invoke.mockImplementationOnce(async (_cmd: string, args: { onEvent: FakeChannel<unknown> }) => {
      args.onEvent.onmessage({ kind: 'queued', files: ['a.xlsx'] });
      args.onEvent.onmessage({ kind: 'saving' });
      return { files: [], summary: null };
    });
    const request = { policy_id: 'lebak-2025-12', master_path: null, paths: ['/x/a.xlsx'] };
    await importFiles(request, (e) => events.push(e));
    expect(invoke.mock.calls[0]?.[0]).toBe('import_files');
    expect(invoke.mock.calls[0]?.[1]).toMatchObject({ request });
    expect(events).toEqual([{ kind: 'queued', files: ['a.xlsx'] }, { kind: 'saving' }]);
  });

  it('passes the finding query whole', async () => {
    const query = { unit: '-', code: '', severity: 'error', search: 'budi', offset: 100, limit: 100 };
    invoke.mockResolvedValueOnce({ total: 0 });
    await findingPage(query);
    expect(invoke).toHaveBeenCalledWith('finding_page', { query });
  });

  it('turns the raw PDF answer into bytes', async () => {
    const buf = new Uint8Array([37, 80, 68, 70]).buffer;
    invoke.mockResolvedValueOnce(buf);
    const bytes = await lampiranPdf({ paper: 'f4', orientation: 'auto', font: 'sans' });
    expect(Array.from(bytes)).toEqual([37, 80, 68, 70]);
    invoke.mockResolvedValueOnce([37, 80]);
    expect(Array.from(await lampiranPdf({ paper: 'a4', orientation: 'portrait', font: 'serif' }))).toEqual([37, 80]);
  });

  it('sends camelCase argument names for the save commands', async () => {
    invoke.mockResolvedValue({ path: '/o/x.pdf', bytes: 10, files: 1 });
    const options = { paper: 'f4', orientation: 'landscape', font: 'sans' } as const;
    await saveLampiran(options, '/o/x.pdf');
    expect(invoke).toHaveBeenLastCalledWith('save_lampiran', { options, path: '/o/x.pdf' });
    await saveCorrections('DINKES', '/o/k.xlsx');
    expect(invoke).toHaveBeenLastCalledWith('save_corrections', { unit: 'DINKES', path: '/o/k.xlsx' });
  });

  it('sends the arguments of the version, window and backup commands by their camelCase names', async () => {
    invoke.mockResolvedValue({});
    await inspectMaster('/m/master.xlsx');
    expect(invoke).toHaveBeenLastCalledWith('inspect_master', { path: '/m/master.xlsx' });
    await removeFile(42);
    expect(invoke).toHaveBeenLastCalledWith('remove_file', { submissionId: 42 });
    await setWindow('2025-12-29', '2025-12-30');
    expect(invoke).toHaveBeenLastCalledWith('set_window', { from: '2025-12-29', to: '2025-12-30' });
    await setWindow(null, null);
    expect(invoke).toHaveBeenLastCalledWith('set_window', { from: null, to: null });
    await unitHistory('DISKOMINFO');
    expect(invoke).toHaveBeenLastCalledWith('unit_history', { unit: 'DISKOMINFO', older: null, newer: null });
    await unitHistory('DISKOMINFO', 1, 2);
    expect(invoke).toHaveBeenLastCalledWith('unit_history', { unit: 'DISKOMINFO', older: 1, newer: 2 });
    await checkBackup('/b/x.sqlite3');
    expect(invoke).toHaveBeenLastCalledWith('check_backup', { path: '/b/x.sqlite3' });
    await restoreDatabase('/b/x.sqlite3');
    expect(invoke).toHaveBeenLastCalledWith('restore_database', { path: '/b/x.sqlite3' });
  });

  it('passes the replaced file of an import', async () => {
    invoke.mockResolvedValueOnce({ files: [], summary: null });
    const request = { policy_id: 'lebak-2025-12', master_path: null, paths: ['/x/b.csv'], replace: 7 };
    await importFiles(request, () => {});
    expect(invoke.mock.calls[0]?.[1]).toMatchObject({ request });
  });
});
