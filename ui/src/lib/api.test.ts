import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { appInfo, listPolicies, openDataDir, toIpcError } = await import('./api');

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
});

describe('commands', () => {
  beforeEach(() => invoke.mockReset());

  it('calls app_info and returns its answer', async () => {
    const info = { name: 'Fleksi', version: '0.1.0', data_dir: '/d', log_dir: '/l', os: 'linux' };
    invoke.mockResolvedValueOnce(info);
    await expect(appInfo()).resolves.toEqual(info);
    expect(invoke).toHaveBeenCalledWith('app_info', undefined);
  });

  it('calls list_policies', async () => {
    invoke.mockResolvedValueOnce([]);
    await expect(listPolicies()).resolves.toEqual([]);
    expect(invoke).toHaveBeenCalledWith('list_policies', undefined);
  });

  it('rejects with an IpcError when the command fails', async () => {
    invoke.mockRejectedValueOnce({ code: 'open.failed', message: '/d tidak dapat dibuka' });
    await expect(openDataDir()).rejects.toEqual({ code: 'open.failed', message: '/d tidak dapat dibuka' });
  });
});
