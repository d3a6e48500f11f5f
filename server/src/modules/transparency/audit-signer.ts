/**
 * The Ed25519 key that signs audit checkpoints. Kept under the data dir (0600) unless
 * AUDIT_SIGNING_KEY provides it, which several instances must share. The public half is stored
 * in audit_keys so that any verifier finds the key a checkpoint names.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(message: string): string;
}

export function checkpointMessage(treeSize: number, rootHex: string): string {
  return `merit-audit-checkpoint/v1\n${treeSize}\n${rootHex}`;
}

export function loadAuditSigner(opts: { dataDir: string; pem: string | undefined }): AuditSigner {
  let privateKey: KeyObject;
  if (opts.pem) {
    privateKey = createPrivateKey(opts.pem);
  } else {
    const file = path.join(opts.dataDir, 'keys', 'audit-ed25519.pem');
    if (existsSync(file)) {
      privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      privateKey = generateKeyPairSync('ed25519').privateKey;
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
  }
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

export function verifyCheckpointSignature(publicKeyPem: string, message: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(message), createPublicKey(publicKeyPem), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
