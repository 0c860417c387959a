import { useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n-provider';
import { problemText } from './link-problem';
import { portalApi, portalPath } from './portal-api';
import type { RatingState } from './portal-types';

const SCORES = [1, 2, 3, 4, 5] as const;

/** A rating the address asks for (`?rate=N` from the resolution e-mail): it only preselects, the requester confirms. */
function askedScore(): number | null {
  const asked = Number(new URLSearchParams(window.location.search).get('rate'));
  return SCORES.some((score) => score === asked) ? asked : null;
}

/** "How did we do?": 1–5 and a comment, once per resolution; a mail scanner following the link rates nothing. */
export function RatingForm(props: { workspace: string; token: string; rating: RatingState; onRated(): void }) {
  const { t } = useI18n();
  const [score, setScore] = useState<number | null>(() => (props.rating.can_rate ? askedScore() : null));
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const preselected = score !== null && score === askedScore();
  const { latest } = props.rating;

  if (!props.rating.can_rate) {
    if (!latest) return null;
    return (
      <section className="portal-card rating" aria-labelledby="rating-title">
        <h2 id="rating-title">{t('portal.rating.title')}</h2>
        <p role="status">{t('portal.rating.thanks')} {t('portal.rating.given', { score: latest.score })}</p>
      </section>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    setBusy(true);
    setError(null);
    try {
      await portalApi.post(portalPath(props.workspace, 'status', props.token, 'rating'), { score, comment: comment.trim() || null });
      props.onRated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="portal-card rating" aria-labelledby="rating-title">
      <h2 id="rating-title">{t('portal.rating.title')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset className="scores">
          <legend>{t('portal.rating.score')}</legend>
          {SCORES.map((value) => (
            <label key={value} className="score">
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} />
              <span>{t(`portal.rating.levels.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        {preselected ? <p className="notice" role="status">{t('portal.rating.confirm')}</p> : null}
        <div className="form-field">
          <label htmlFor="rating-comment">{t('portal.rating.comment')}</label>
          <textarea id="rating-comment" rows={3} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        {error ? <p className="error" role="alert">{problemText(t, error)}</p> : null}
        <button type="submit" className="primary" disabled={busy || score === null}>{t('portal.rating.submit')}</button>
      </form>
    </section>
  );
}
