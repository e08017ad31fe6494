// Opening a user's table for a service: a file that cannot be read becomes an 'io' failure with the reader's
// Chinese message, so every service reports it the same way.
import { AppFailure } from '../../shared/result';
import { openTable, TableReadError, type OpenedTable } from '../tabular';

export async function openUserTable(filePath: string): Promise<OpenedTable> {
  try {
    return await openTable(filePath);
  } catch (error) {
    if (error instanceof TableReadError) throw new AppFailure('io', error.message);
    throw error;
  }
}
