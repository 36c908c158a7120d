// Typed calls to the Rust commands. Every failure is normalised to an `IpcError`
// ({code, message}); pages switch on `code` and show `message` (Bahasa Indonesia).

import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';
import type { PolicySummary } from './bindings/PolicySummary';

const CODES: readonly ErrorCode[] = ['data_dir.unavailable', 'open.failed', 'internal'];

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

/** The policies (Surat Edaran) Fleksi ships with. */
export function listPolicies(): Promise<PolicySummary[]> {
  return call<PolicySummary[]>('list_policies');
}
