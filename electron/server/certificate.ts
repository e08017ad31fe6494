// The server's TLS certificate: the bureau's own (paths in server.json), or a self-signed one made at first start
// and kept in the data folder (tls/), so its fingerprint — what clients pin — stays the same across restarts.
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), as "AB:CD:…" */
  fingerprint: string;
  source: 'bureau' | 'self-signed';
  certFile: string;
}

export const GENERATED_CERT = path.join('tls', 'server.crt');
export const GENERATED_KEY = path.join('tls', 'server.key');

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Fingerprints compare without colons, spaces or case, so a pin copied from any tool matches. */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

function readPair(certFile: string, keyFile: string, source: ServerCertificate['source']): ServerCertificate {
  for (const file of [certFile, keyFile]) {
    if (!existsSync(file)) throw new Error(`找不到证书文件 ${file}，请检查 server.json 中的 tls 设置。`);
  }
  const cert = readFileSync(certFile, 'utf8');
  try {
    return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), source, certFile };
  } catch (error) {
    throw new Error(`证书文件 ${certFile} 无法读取：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function writeSecret(file: string, text: string, mode: number): void {
  const part = `${file}.part`;
  writeFileSync(part, text, { mode });
  chmodSync(part, mode);
  renameSync(part, file);
}

async function generateSelfSigned(dataDir: string): Promise<void> {
  const hostName = os.hostname();
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 5);
  // selfsigned builds the certificate with WebCrypto in this process; nothing is downloaded
  const pems = await generate([{ name: 'commonName', value: `MarkGuard ${hostName}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: hostName },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  mkdirSync(path.join(dataDir, 'tls'), { recursive: true });
  // the key first: a certificate without its key would be kept and never work
  writeSecret(path.join(dataDir, GENERATED_KEY), pems.private, 0o600);
  writeSecret(path.join(dataDir, GENERATED_CERT), pems.cert, 0o644);
}

export async function loadCertificate(dataDir: string, tls: { certFile: string; keyFile: string } | null): Promise<ServerCertificate> {
  if (tls) return readPair(tls.certFile, tls.keyFile, 'bureau');
  const certFile = path.join(dataDir, GENERATED_CERT);
  const keyFile = path.join(dataDir, GENERATED_KEY);
  if (!existsSync(certFile) || !existsSync(keyFile)) await generateSelfSigned(dataDir);
  return readPair(certFile, keyFile, 'self-signed');
}
