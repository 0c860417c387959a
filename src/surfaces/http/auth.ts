import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../domain/auth/roles.js';
import type { Principal } from '../../domain/auth/token.js';
import { fail } from '../../domain/errors.js';
import type { Store } from '../../domain/store/store.js';
import type { SecretCodec } from '../../commands/workspace-commands.js';

/** Token secrets: 32 random bytes behind a recognisable prefix; stored as their SHA-256. */
export const secretCodec: SecretCodec = {
  newSecret: () => `sb_${randomBytes(32).toString('base64url')}`,
  hash: (secret) => createHash('sha256').update(secret).digest('hex'),
};

const CACHE_TTL_MS = 5_000;
const CACHE_LIMIT = 10_000;

/**
 * Turns a bearer header into the caller. Lookups are cached for a few seconds; revoking a token
 * through this process drops the cache at once, other processes see it within the TTL.
 */
export class TokenAuthenticator {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    const secret = /^Bearer\s+(\S{1,200})$/i.exec(header ?? '')?.[1];
    if (!secret) throw fail('unauthorized');
    const hash = secretCodec.hash(secret);
    const cached = this.cache.get(hash);
    if (cached && cached.until > this.now()) return cached.principal;
    const token = await this.store.read((tx) => tx.tokens.findByHash(hash));
    if (!token || token.revokedAt !== null) throw fail('unauthorized');
    const principal: Principal = {
      via: 'token',
      tokenId: token.id,
      userId: token.userId,
      workspaceId: token.workspaceId,
      role: token.role as Role,
      agentId: token.agentId,
      name: token.name,
    };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { principal, until: this.now() + CACHE_TTL_MS });
    return principal;
  }

  forgetAll(): void {
    this.cache.clear();
  }
}
