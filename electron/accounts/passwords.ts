// Password hashing with node:crypto scrypt: a random salt per password, the parameters stored beside the hash, and
// a constant-time comparison. Nothing here ever logs or returns the password.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { SCRYPT_PARAMS, type ScryptParams } from './policy';

export interface PasswordHash {
  hash: string;
  salt: string;
  /** JSON of ScryptParams */
  params: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(params) };
}

function parseParams(text: string): ScryptParams | null {
  try {
    const value = JSON.parse(text) as Partial<ScryptParams>;
    const { N, r, p, keyLength } = value;
    if ([N, r, p, keyLength].every((n) => Number.isInteger(n) && (n as number) > 0)) return value as ScryptParams;
  } catch {
    // a damaged row verifies nothing
  }
  return null;
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const params = parseParams(stored.params);
  if (!params) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing, verified when the login name is unknown so that the answer takes as long as for a real one:
 * at the cost the accounts' own hashes are made with.
 */
const decoys = new Map<string, Promise<PasswordHash>>();
export async function burnVerification(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<void> {
  const key = JSON.stringify(params);
  const decoy = decoys.get(key) ?? hashPassword(randomBytes(12).toString('base64'), params);
  decoys.set(key, decoy);
  await verifyPassword(password, await decoy);
}
