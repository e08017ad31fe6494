// Files the clerk chose, held by the main process under opaque tokens (issue 9, item 19). The renderer never sends a
// path: it gets a token when the main process's open dialog answers (or when the preload registers a file dropped on
// the window), and every channel that reads a chosen file takes the token and the purpose it was chosen for.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { FilePurpose } from '../../shared/contract/files';
import { AppFailure } from '../../shared/result';

/** Enough for any session; the oldest grant is forgotten first. */
const MAX_GRANTS = 64;
const DROPPABLE = /\.(csv|xlsx|txt|tsv)$/i;

export interface FileGrant {
  token: string;
  fileName: string;
}

export interface FileGrants {
  /** Registers a file chosen in a dialog the main process showed. */
  grant(filePath: string, purpose: FilePurpose): FileGrant;
  /** Registers a file dropped on the window, as the preload reports it: an existing table file, or null. */
  grantDropped(filePath: string): FileGrant | null;
  /** The path behind a token, if it was granted for this purpose; otherwise a Chinese message. */
  resolve(token: string, purpose: FilePurpose): string;
}

export interface FileGrantsOptions {
  /**
   * Who the current request is (the server's session); a token opens its file only for the session it was granted
   * to. The desktop app has one user and no sessions: undefined throughout.
   */
  owner?: () => string | undefined;
  /** how many grants are kept (the server holds every clerk's) */
  max?: number;
}

/** A token granted to another session (server mode): the clerk must upload the file again. */
export const OTHER_SESSION_MESSAGE = '这个文件是在另一次登录中上传的，请重新选择并上传文件。';

export function createFileGrants(options: FileGrantsOptions = {}): FileGrants {
  const grants = new Map<string, { filePath: string; purpose: FilePurpose; owner: string | undefined }>();
  const owner = options.owner ?? (() => undefined);
  const max = options.max ?? MAX_GRANTS;

  function grant(filePath: string, purpose: FilePurpose): FileGrant {
    const token = `ft-${randomBytes(18).toString('base64url')}`;
    grants.set(token, { filePath, purpose, owner: owner() });
    while (grants.size > max) {
      const oldest = grants.keys().next().value;
      if (oldest === undefined) break;
      grants.delete(oldest);
    }
    return { token, fileName: path.basename(filePath) };
  }

  return {
    grant,
    grantDropped(filePath) {
      // Only a regular table file: a dropped folder, device or anything else never becomes readable through a token.
      if (!path.isAbsolute(filePath) || !DROPPABLE.test(filePath)) return null;
      try {
        if (!statSync(filePath).isFile()) return null;
      } catch {
        return null;
      }
      return grant(filePath, 'table');
    },
    resolve(token, purpose) {
      const found = grants.get(token);
      if (!found || found.purpose !== purpose) {
        throw new AppFailure('invalid-input', '所选文件已失效，请重新选择文件');
      }
      if (found.owner !== owner()) throw new AppFailure('invalid-input', OTHER_SESSION_MESSAGE);
      return found.filePath;
    },
  };
}
