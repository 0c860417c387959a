import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../commands/users/passwords.js';

/** scrypt's cost: N = 2^15, r = 8, p = 1 (32 MiB and tens of milliseconds a hash; see docs/security.md). */
export const SCRYPT_PARAMS = { logN: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes are stored as `scrypt$logN$r$p$salt$key` (base64url), so the cost can be raised later
 * while older hashes still verify with the parameters they were made with.
 */
export const scryptHasher: PasswordHasher = {
  async hash(password) {
    const { logN, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
    const salt = randomBytes(saltLength);
    const key = await derive(password, salt, logN, r, p, keyLength);
    return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  },
  async verify(password, stored) {
    const parsed = stored ? parseHash(stored) : null;
    if (!parsed) {
      // No account or no password: spend the same time, so the answer's timing tells nothing.
      await derive(password, DUMMY_SALT, SCRYPT_PARAMS.logN, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, SCRYPT_PARAMS.keyLength);
      return false;
    }
    const key = await derive(password, parsed.salt, parsed.logN, parsed.r, parsed.p, parsed.key.length);
    return timingSafeEqual(key, parsed.key);
  },
};

const DUMMY_SALT = randomBytes(SCRYPT_PARAMS.saltLength);

function parseHash(stored: string): { logN: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return null;
  return { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]), salt: Buffer.from(match[4]!, 'base64url'), key: Buffer.from(match[5]!, 'base64url') };
}
