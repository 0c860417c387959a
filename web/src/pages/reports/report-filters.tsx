import { useId, useMemo, useState } from 'react';
import { CHANNELS, PRIORITIES } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { useAgents } from '../../lib/use-agents';

const DAY_MS = 86_400_000;
export const PRESETS = ['7', '30', '90', 'custom'] as const;
export const GROUPS = ['queue', 'agent', 'type', 'channel', 'priority'] as const;
const INTERVALS = ['day', 'week'] as const;

/** What the lead chose: a period (a preset or two dates), a grouping, a trend interval and filters. */
export interface ReportChoice {
  preset: (typeof PRESETS)[number];
  /** Custom range as dates (yyyy-mm-dd, UTC), both days included. */
  fromDay: string;
  toDay: string;
  groupBy: (typeof GROUPS)[number];
  interval: (typeof INTERVALS)[number];
  filter: Partial<Record<(typeof GROUPS)[number], string>>;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The choice a report page starts with: the last 30 days by queue, per day, unfiltered. */
export function initialChoice(now: number): ReportChoice {
  return { preset: '30', fromDay: dayOf(now - 30 * DAY_MS), toDay: dayOf(now), groupBy: 'queue', interval: 'day', filter: {} };
}

/**
 * The query string of GET /v1/metrics for a choice, or null when the custom range is inverted.
 * A preset period ends at `end` (the next whole hour, so reloads within the hour ask the same).
 */
export function metricsQueryOf(choice: ReportChoice, end: number): Record<string, string> | null {
  const to = choice.preset === 'custom' ? Date.parse(choice.toDay) + DAY_MS : end;
  const from = choice.preset === 'custom' ? Date.parse(choice.fromDay) : end - Number(choice.preset) * DAY_MS;
  if (!(from < to)) return null;
  const filter = Object.fromEntries(Object.entries(choice.filter).filter(([, value]) => value));
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), group_by: choice.groupBy, interval: choice.interval, ...filter };
}

function Select(props: { label: string; value: string; options: { value: string; label: string }[]; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}

function DayInput(props: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type="date" value={props.value} required onChange={(event) => props.onChange(event.target.value)} />
    </div>
  );
}

/** The report's period, grouping and filters (queue, agent, type, channel, priority), in the page's language. */
export function ReportFilters(props: { choice: ReportChoice; queues: string[]; types: string[]; onChange(choice: ReportChoice): void }) {
  const { t } = useI18n();
  const { agents } = useAgents();
  const { choice, onChange } = props;
  const set = (patch: Partial<ReportChoice>) => onChange({ ...choice, ...patch });
  const setFilter = (field: (typeof GROUPS)[number], value: string) => set({ filter: { ...choice.filter, [field]: value || undefined } });
  const values = useMemo(() => ({
    queue: props.queues.map((q) => ({ value: q, label: q })),
    agent: agents.map((a) => ({ value: a.id, label: a.name })),
    type: props.types.map((type) => ({ value: type, label: type })),
    channel: CHANNELS.map((c) => ({ value: c, label: c })),
    priority: PRIORITIES.map((p) => ({ value: p, label: p })),
  }), [props.queues, props.types, agents]);
  return (
    <form className="toolbar report-filters" aria-label={t('dashboard.reports.filters')} onSubmit={(event) => event.preventDefault()}>
      <Select label={t('dashboard.reports.period')} value={choice.preset} onChange={(preset) => set({ preset: preset as ReportChoice['preset'] })}
        options={PRESETS.map((p) => ({ value: p, label: t(`dashboard.reports.preset.${p}`) }))} />
      {choice.preset === 'custom' ? (
        <>
          <DayInput label={t('dashboard.reports.from')} value={choice.fromDay} onChange={(fromDay) => set({ fromDay })} />
          <DayInput label={t('dashboard.reports.to')} value={choice.toDay} onChange={(toDay) => set({ toDay })} />
        </>
      ) : null}
      <Select label={t('dashboard.reports.compare')} value={choice.groupBy} onChange={(groupBy) => set({ groupBy: groupBy as ReportChoice['groupBy'] })}
        options={GROUPS.map((g) => ({ value: g, label: t(`dashboard.reports.field.${g}`) }))} />
      <Select label={t('dashboard.reports.trend')} value={choice.interval} onChange={(interval) => set({ interval: interval as ReportChoice['interval'] })}
        options={INTERVALS.map((i) => ({ value: i, label: t(`dashboard.reports.interval.${i}`) }))} />
      {GROUPS.map((field) => (
        <Select key={field} label={t(`dashboard.reports.field.${field}`)} value={choice.filter[field] ?? ''} onChange={(value) => setFilter(field, value)}
          options={[{ value: '', label: t('dashboard.reports.any') }, ...values[field]]} />
      ))}
      <button type="button" className="link-button" onClick={() => set({ filter: {} })}>{t('dashboard.reports.clear')}</button>
    </form>
  );
}

/** The choice held by the page, with the end of preset periods fixed when the page opened. */
export function useReportChoice(): { choice: ReportChoice; setChoice(choice: ReportChoice): void; query: Record<string, string> | null } {
  const [end] = useState(() => Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const [choice, setChoice] = useState(() => initialChoice(end));
  const query = useMemo(() => metricsQueryOf(choice, end), [choice, end]);
  return { choice, setChoice, query };
}
