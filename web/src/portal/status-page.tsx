import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n-provider';
import { LinkProblem, errorCode, isLinkProblem, problemText } from './link-problem';
import { portalApi, portalPath } from './portal-api';
import type { RequesterView } from './portal-types';
import { RatingForm } from './rating-form';
import { CloseControl, Conversation, Expectations, ProgressSteps, ReplyBox, RequestDetails } from './status-parts';

/** `/portal/:workspace/status/:token`: where one request stands, reached by its signed link. */
export function StatusPage(props: { workspace: string; token: string }) {
  const { t, adopt } = useI18n();
  const [view, setView] = useState<RequesterView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const path = useCallback((...rest: string[]) => portalPath(props.workspace, 'status', props.token, ...rest), [props.workspace, props.token]);
  const reload = useCallback(() => portalApi.get<RequesterView>(path()).then(setView, setLoadError), [path]);
  useEffect(() => {
    portalApi.get<RequesterView>(path()).then((loaded) => {
      // The page speaks the request's language unless the requester chose another.
      adopt(loaded.language);
      setView(loaded);
    }, setLoadError);
  }, [path, adopt]);
  useEffect(() => {
    document.title = t('portal.status.title');
  }, [t]);

  /** Runs a requester's action and shows the page as it stands afterwards; false when it was refused. */
  const act = async (call: () => Promise<RequesterView>): Promise<boolean> => {
    setActionError(null);
    try {
      setView(await call());
      return true;
    } catch (failure) {
      setActionError(failure);
      return false;
    }
  };

  if (loadError) return isLinkProblem(loadError) ? <LinkProblem code={errorCode(loadError)!} /> : <p className="error" role="alert">{problemText(t, loadError)}</p>;
  if (!view) return <p className="muted" role="status">{t('portal.loading')}</p>;
  return (
    <>
      <p className="workspace-name">{view.workspace.name}</p>
      <h1>{t('portal.status.title')}: <span className="request-title">{view.title}</span></h1>
      <section className="portal-card" aria-label={t('portal.status.details')}>
        <RequestDetails view={view} />
        <ProgressSteps progress={view.progress} />
        <Expectations expected={view.expected} />
      </section>
      <RatingForm workspace={props.workspace} token={props.token} rating={view.rating} onRated={() => void reload()} />
      <section className="portal-card">
        <Conversation replies={[{ id: 'request', from: 'requester', name: null, body: view.description, at: view.created_at }, ...view.conversation]} />
        {actionError ? <p className="error" role="alert">{problemText(t, actionError)}</p> : null}
        {view.can_reply ? <ReplyBox onSend={(body) => act(() => portalApi.post<RequesterView>(path('replies'), { body }))} /> : <p className="notice">{t('portal.status.closed')}</p>}
        {view.can_close ? <CloseControl onClose={() => act(() => portalApi.post<RequesterView>(path('close'), {}))} /> : null}
      </section>
    </>
  );
}
