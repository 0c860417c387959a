import type { Kysely, Selectable } from 'kysely';
import type { TwoFactor } from '../../../domain/auth/two-factor.js';
import type { TwoFactorRepository } from '../../../domain/store/user-store.js';
import type { Database } from '../schema.js';
import type { TwoFactorTable } from '../user-schema.js';

/** TOTP secrets and recovery codes; the accepted step only moves forward, so a code works once. */
export class KyselyTwoFactorRepository implements TwoFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(userId: string): Promise<TwoFactor | undefined> {
    const row = await this.db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row && toTwoFactor(row);
  }

  async start(record: TwoFactor): Promise<void> {
    await this.remove(record.userId);
    await this.db.insertInto('two_factor').values({
      user_id: record.userId, secret: record.secret, confirmed_at: record.confirmedAt, last_step: record.lastStep, created_at: record.createdAt,
    }).execute();
  }

  async confirm(userId: string, step: number, at: number, recoveryHashes: readonly string[]): Promise<void> {
    await this.db.updateTable('two_factor').set({ confirmed_at: at, last_step: step }).where('user_id', '=', userId).execute();
    await this.db.insertInto('recovery_codes').values(recoveryHashes.map((hash) => ({ user_id: userId, hash, used_at: null }))).execute();
  }

  async useStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db.updateTable('two_factor').set({ last_step: step })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean> {
    const result = await this.db.updateTable('recovery_codes').set({ used_at: at })
      .where('user_id', '=', userId).where('hash', '=', hash).where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async remove(userId: string): Promise<boolean> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const result = await this.db.deleteFrom('two_factor').where('user_id', '=', userId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toTwoFactor(row: Selectable<TwoFactorTable>): TwoFactor {
  return {
    userId: row.user_id, secret: row.secret, confirmedAt: row.confirmed_at === null ? null : Number(row.confirmed_at),
    lastStep: row.last_step === null ? null : Number(row.last_step), createdAt: Number(row.created_at),
  };
}
