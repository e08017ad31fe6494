/** A table that cannot be opened or read. `message` is Chinese and is shown to the user as is. */
export class TableReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TableReadError';
  }
}
