// Numbered migrations, applied in order and tracked in PRAGMA user_version. Never edit a released migration:
// add the next number.
import m001 from './001-registry';
import m002 from './002-settings';
import m003 from './003-screening';
import m004 from './004-letters';
import m005 from './005-batch-source';
import m006 from './006-letter-file-fonts';
import m007 from './007-archive-guards';
import m008 from './008-batch-removal';
import m009 from './009-logo-images';
import m010 from './010-hit-versions';
import m011 from './011-batch-images';
import m012 from './012-mark-versions';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
