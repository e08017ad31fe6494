// Errors cross every boundary (IPC, web bridge, workers) as values, never as thrown exceptions.
export type ErrorKind = 'invalid-input' | 'not-found' | 'conflict' | 'io' | 'unsupported' | 'cancelled' | 'internal';

export interface AppError {
  kind: ErrorKind;
  /** Chinese, shown to the user as is. */
  message: string;
  /**
   * A conflict's record as it is now, for a channel whose contract says so (registry.update and registry.delete: a
   * StoredMark, read with markConflictOf), so that the clerk sees what changed without asking again.
   */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string, current?: unknown): { ok: false; error: AppError } => ({
  ok: false,
  error: current === undefined ? { kind, message } : { kind, message, current },
});

/** Thrown inside services; the IPC wrapper turns it into `{ok: false}` with its kind and message. */
export class AppFailure extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** AppError.current: what the conflicting record is now */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
