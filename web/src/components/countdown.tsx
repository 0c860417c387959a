import { useI18n } from '../lib/i18n-provider';
import { useNow } from '../lib/use-now';

/** Time left until `until` as m:ss, announced politely to screen readers once a minute at most. */
export function Countdown(props: { until: string; label: string }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const left = Math.max(0, Math.round((new Date(props.until).getTime() - now) / 1000));
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className={`countdown ${left <= 30 ? 'countdown-urgent' : ''}`} aria-label={t('dashboard.countdown.left', { label: props.label, minutes: Math.ceil(left / 60) })}>
      <span aria-hidden="true">{left === 0 ? t('dashboard.countdown.expired') : text}</span>
    </span>
  );
}
