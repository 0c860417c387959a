import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n-provider';
import { LinkProblem, errorCode, isLinkProblem, problemText } from './link-problem';
import { portalApi, portalPath } from './portal-api';
import type { PortalForm, SubmittedRequest } from './portal-types';
import { RequestForm } from './request-form';

/** After sending: the reference, the e-mail on its way (or, with mail off, to keep the link), and the way to the status page. */
function SentNotice(props: { sent: SubmittedRequest; email: string }) {
  const { locale, t } = useI18n();
  return (
    <section className="portal-card sent" aria-labelledby="sent-title">
      <h1 id="sent-title">{t('portal.sent.title')}</h1>
      <p>{t('portal.sent.reference', { reference: props.sent.reference })}</p>
      <p>{props.sent.mail_sent ? t('portal.sent.email', { email: props.email }) : t('portal.sent.no_email')}</p>
      <p><a className="button primary" href={`${props.sent.status_url}?lang=${locale}`}>{t('portal.sent.open')}</a></p>
    </section>
  );
}

/** `/portal/:workspace`: the public request form of a workspace. */
export function RequestPage(props: { workspace: string }) {
  const { t } = useI18n();
  const [form, setForm] = useState<PortalForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ sent: SubmittedRequest; email: string } | null>(null);
  useEffect(() => {
    portalApi.get<PortalForm>(portalPath(props.workspace, 'form')).then(setForm, setError);
  }, [props.workspace]);
  const title = form ? t('portal.title', { workspace: form.workspace.name }) : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  if (error) return isLinkProblem(error) ? <LinkProblem code={errorCode(error)!} /> : <p className="error" role="alert">{problemText(t, error)}</p>;
  if (!form) return <p className="muted" role="status">{t('portal.loading')}</p>;
  if (sent) return <SentNotice sent={sent.sent} email={sent.email} />;
  return (
    <>
      <h1>{title}</h1>
      <p className="intro">{t('portal.intro')}</p>
      <RequestForm workspace={props.workspace} form={form} onSent={(done, email) => setSent({ sent: done, email })} />
    </>
  );
}
