import { useId, useMemo, useState, type FormEvent } from 'react';
import { LOCALES, isLocale } from '../../../src/domain/i18n/locales';
import { ErrorMessage } from '../components/ui';
import { catalogue, forgetChosenLocale } from '../lib/i18n';
import { useI18n } from '../lib/i18n-provider';
import { useSession } from '../lib/session';
import type { Me } from '../lib/types';
import { useSubmit } from './settings/use-submit';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Every zone this browser knows, with UTC (which its list leaves out) and the saved one, which the server
 * may know by another of its names (Asia/Kolkata where the browser lists Asia/Calcutta).
 */
function zoneChoices(saved: string | null): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const extra = ['UTC', saved].filter((zone): zone is string => zone !== null && !zones.includes(zone));
  return [...new Set(extra), ...zones];
}

/** The person's own language and time zone (PATCH /v1/me); "follow the browser" is the empty choice. */
export function PreferencesForm() {
  const { api, me, updateMe } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [language, setLanguage] = useState(me.language ?? '');
  const [zone, setZone] = useState(me.time_zone ?? '');
  const zones = useMemo(() => zoneChoices(me.time_zone), [me.time_zone]);
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { language: isLocale(language) ? language : null, time_zone: zone || null };
    await save.submit(async () => {
      const saved = await api.patch<Me>('/v1/me', body);
      if (saved.language !== me.language) forgetChosenLocale();
      updateMe(saved);
    }, t('account.profile.preferences_saved'));
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="span-all" id={`${id}-title`}>{t('account.profile.preferences_title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('account.profile.language')}</label>
        <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('account.profile.language_browser')}</option>
          {LOCALES.map((option) => <option key={option} value={option} lang={option}>{catalogue.translate(option, `language.${option}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{t('account.profile.time_zone')}</label>
        <select id={`${id}-zone`} value={zone} aria-describedby={`${id}-zone-hint`} onChange={(e) => setZone(e.target.value)}>
          <option value="">{t('account.profile.time_zone_browser', { zone: browserZone() })}</option>
          {zones.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
        <div className="hint" id={`${id}-zone-hint`}>{t('account.profile.time_zone_hint')}</div>
      </div>
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('account.profile.preferences_not_saved')} />
        {/* Said in the language just chosen, not in the one the form was sent in. */}
        {save.done ? <p role="status">{t('account.profile.preferences_saved')}</p> : null}
        <button type="submit" className="primary" disabled={save.busy}>{t('account.profile.preferences_save')}</button>
      </div>
    </form>
  );
}
