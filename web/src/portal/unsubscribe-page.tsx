import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n-provider';
import { LinkProblem, errorCode, isLinkProblem, problemText } from './link-problem';
import { portalApi } from './portal-api';

/**
 * `/portal/:workspace/unsubscribe/:token`, the link in every e-mail to a requester: asks before it acts, so
 * a mail scanner that follows the link unsubscribes nobody.
 */
export function UnsubscribePage(props: { workspace: string; token: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'asking' | 'busy' | 'done'>('asking');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = t('portal.unsubscribe.title');
  }, [t]);
  const confirm = () => {
    setState('busy');
    portalApi.post(`/v1/portal/${encodeURIComponent(props.workspace)}/unsubscribe/${encodeURIComponent(props.token)}`, {}).then(() => setState('done'), (failure: unknown) => {
      setError(failure);
      setState('asking');
    });
  };
  if (isLinkProblem(error) && errorCode(error) !== 'route_not_found') return <LinkProblem code={errorCode(error)!} />;
  return (
    <section className="portal-card" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t('portal.unsubscribe.title')}</h1>
      {state === 'done' ? <p role="status">{t('portal.unsubscribe.done')}</p> : (
        <>
          <p>{t('portal.unsubscribe.question')}</p>
          {error ? <p className="error" role="alert">{problemText(t, error)}</p> : null}
          <button type="button" className="primary" disabled={state === 'busy'} onClick={confirm}>{t('portal.unsubscribe.confirm')}</button>
        </>
      )}
    </section>
  );
}
