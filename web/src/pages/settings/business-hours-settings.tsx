import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Field, Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from './use-submit';
import type { Static } from 'typebox';
import type { BusinessHoursOutput } from '../../../../src/surfaces/wire/sla/sla-schemas';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Calendar = Static<typeof BusinessHoursOutput>;
type Range = Calendar['weekly'][string][number];

const rangesText = (ranges: Range[] = []) => ranges.map((r) => `${r.start}-${r.end}`).join(', ');
const parseRanges = (text: string): Range[] => text.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
  const [start = '', end = ''] = part.split('-').map((s) => s.trim());
  return { start, end };
});

function CalendarForm(props: { editing: Calendar | null; onDone(): void }) {
  const { api } = useSession();
  const { t, timeZone } = useI18n();
  const id = useId();
  const start = props.editing;
  const [name, setName] = useState(start?.name ?? '');
  const [zone, setZone] = useState(start?.time_zone ?? timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [days, setDays] = useState<Record<string, string>>(() => Object.fromEntries(DAYS.map((d) => [d, start ? rangesText(start.weekly[d]) : ['sat', 'sun'].includes(d) ? '' : '09:00-17:00'])));
  const [holidays, setHolidays] = useState((start?.holidays ?? []).map((h) => `${h.date} ${h.name ?? ''}`.trim()).join('\n'));
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      time_zone: zone,
      weekly: Object.fromEntries(DAYS.map((d) => [d, parseRanges(days[d] ?? '')])),
      holidays: holidays.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
        const [date = '', ...rest] = line.split(/\s+/);
        return { date, name: rest.join(' ') || null };
      }),
    };
    const ok = await save.submit(() => (start ? api.put(`/v1/business-hours/${start.id}`, { ...body, version: start.version }) : api.post('/v1/business-hours', body)), t('dashboard.settings_pages.common.saved'));
    if (ok) props.onDone();
  };
  const title = start ? t('dashboard.settings_pages.common.edit_named', { name: start.name }) : t('dashboard.settings_pages.hours.add_title');
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={title}>
      <h2 className="span-all">{title}</h2>
      <Field id={`${id}-name`} label={t('dashboard.settings_pages.common.name')}><input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} /></Field>
      <Field id={`${id}-zone`} label={t('dashboard.settings_pages.hours.time_zone')}><input id={`${id}-zone`} required value={zone} onChange={(e) => setZone(e.target.value)} /></Field>
      {DAYS.map((day) => (
        <Field key={day} id={`${id}-${day}`} label={t('dashboard.settings_pages.hours.open_on', { day: t(`dashboard.settings_pages.hours.day.${day}`) })} hint={t('dashboard.settings_pages.hours.day_hint')}>
          <input id={`${id}-${day}`} value={days[day] ?? ''} onChange={(e) => setDays({ ...days, [day]: e.target.value })} />
        </Field>
      ))}
      <div className="span-all">
        <Field id={`${id}-holidays`} label={t('dashboard.settings_pages.hours.holidays')} hint={t('dashboard.settings_pages.hours.holidays_hint')}>
          <textarea id={`${id}-holidays`} rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </Field>
        <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.hours.save')}</button>
          {start ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}

/** Calendars SLA targets can count in: weekly opening hours in a time zone, and holidays. */
export function BusinessHoursSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<Calendar | null>(null);
  const calendars = useResource(`calendars:${reloads}`, () => listAll<Calendar>(api, '/v1/business-hours'));
  const done = () => {
    setEditing(null);
    setReloads((n) => n + 1);
  };
  return (
    <>
      {can('sla:write') ? <CalendarForm key={`${editing?.id ?? 'new'}:${reloads}`} editing={editing} onDone={done} /> : null}
      <Panel title={t('dashboard.settings_pages.hours.title')}>
        <ErrorMessage error={calendars.error} />
        {calendars.data?.length === 0 ? <Empty>{t('dashboard.settings_pages.hours.empty')}</Empty> : (
          <ul className="ticket-list">
            {calendars.data?.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="muted">{c.time_zone}</span>
                <div className="muted">{DAYS.map((d) => `${t(`dashboard.settings_pages.hours.day.${d}`)} ${rangesText(c.weekly[d]) || t('dashboard.settings_pages.hours.closed')}`).join(' · ')}</div>
                {can('sla:write') ? <button type="button" onClick={() => setEditing(c)}>{t('dashboard.settings_pages.common.edit')}</button> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
