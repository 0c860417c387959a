import { Empty, ErrorMessage, Panel } from '../../components/ui';
import { useI18n } from '../../lib/i18n-provider';
import { formatWhen } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import type { Static } from 'typebox';
import type { TicketRatingOutput } from '../../../../src/surfaces/wire/portal/portal-schemas';

type Rating = Static<typeof TicketRatingOutput>;

/** The requester's satisfaction ratings from their status page, one per resolution, newest first. */
export function RatingPanel(props: { ticketId: string; tick: number }) {
  const { api } = useSession();
  const { locale, t, timeZone } = useI18n();
  const ratings = useResource(`ratings:${props.ticketId}:${props.tick}`, () => api.get<{ data: Rating[] }>(`/v1/tickets/${props.ticketId}/ratings`));
  const list = [...(ratings.data?.data ?? [])].reverse();
  return (
    <Panel title={t('dashboard.rating.title')} id="requester-rating">
      <ErrorMessage error={ratings.error} />
      {ratings.data && list.length === 0 ? <Empty>{t('dashboard.rating.none')}</Empty> : (
        <ul className="ratings">
          {list.map((rating) => (
            <li key={rating.rated_at}>
              <strong className="rating-score">{t('dashboard.rating.score', { score: rating.score })}</strong>
              {rating.comment ? <p className="message-body">{rating.comment}</p> : null}
              <p className="muted">{t('dashboard.rating.resolution', { time: formatWhen(locale, timeZone, rating.resolved_at) })}</p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
