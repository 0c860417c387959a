import { useId, useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { TokenOutput } from '../../../src/surfaces/wire/tokens/token-schemas';
import { Empty, ErrorMessage, Loading, Panel } from '../components/ui';
import { formatWhen } from '../lib/format';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import type { Role } from '../lib/types';
import { ROLES } from '../../../src/domain/auth/roles';
import { labelOf } from '../lib/labels';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';

type Token = Static<typeof TokenOutput>;


/** The workspace's API tokens for machines: issue one (its secret shown once), see who owns each, revoke it. */
export function ApiTokensPanel() {
  const { api } = useSession();
  const { t, locale, timeZone } = useI18n();
  const id = useId();
  const tokens = useResource('api-tokens', () => api.get<{ data: Token[] }>('/v1/tokens'));
  const save = useSubmit();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [secret, setSecret] = useState<string | null>(null);
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    await save.submit(async () => {
      const issued = await api.post<Token & { secret: string }>('/v1/tokens', { name, role });
      setSecret(issued.secret);
      setName('');
      tokens.reload();
    }, t('account.tokens.issued'));
  };
  const revoke = (token: Token) => {
    setSecret(null);
    return save.submit(() => api.delete(`/v1/tokens/${token.id}`).then(tokens.reload), t('account.tokens.revoked', { name: token.name }));
  };
  const live = tokens.data?.data.filter((token) => token.revoked_at === null) ?? [];
  return (
    <Panel title={t('account.tokens.title')}>
      <p className="muted">{t('account.tokens.intro')}</p>
      <form className="form-grid" onSubmit={issue}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('account.tokens.name')}</label>
          <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('account.tokens.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{labelOf(t, 'dashboard.roles.', r)}</option>)}
          </select>
        </div>
        <div className="field"><button type="submit" className="primary" disabled={save.busy}>{t('account.tokens.issue')}</button></div>
      </form>
      {secret ? (
        <div role="status">
          <p>{t('account.tokens.secret_once')}</p>
          <code className="invitation-link">{secret}</code>
        </div>
      ) : save.done ? <p role="status">{save.done}</p> : null}
      <ErrorMessage error={save.error ?? tokens.error} title={t('account.tokens.failed')} />
      {tokens.loading && !tokens.data ? <Loading /> : null}
      {tokens.data && live.length === 0 ? <Empty>{t('account.tokens.none')}</Empty> : null}
      {live.length > 0 ? (
        <table className="sim-table">
          <thead><tr><th>{t('account.tokens.name')}</th><th>{t('account.tokens.role')}</th><th>{t('account.tokens.created')}</th><th /></tr></thead>
          <tbody>
            {live.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{labelOf(t, 'dashboard.roles.', token.role)}</td>
                <td>{formatWhen(locale, timeZone, token.created_at)}</td>
                <td><button type="button" className="link-button" disabled={save.busy} onClick={() => void revoke(token)}>{t('account.tokens.revoke')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
