// Errors cross every boundary (IPC, web bridge, workers) as values, never as thrown exceptions.
export type ErrorKind = 'invalid-input' | 'not-found' | 'conflict' | 'io' | 'unsupported' | 'cancelled' | 'internal';

export interface AppError {
  kind: ErrorKind;
  /** Chinese, shown to the user as is. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { kind, message },
});

/** Thrown inside services; the IPC wrapper turns it into `{ok: false}` with its kind and message. */
export class AppFailure extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
