import { useState } from 'react';
import { Empty, ErrorMessage, Panel, scrollRegion } from '../../components/ui';
import { formatWhen } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAgents } from '../../lib/use-agents';
import { useResource } from '../../lib/use-resource';
import { EscalationForm } from './escalation-form';
import type { Static } from 'typebox';
import type { EscalationConfigOutput } from '../../../../src/surfaces/wire/workflows/workflow-schemas';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

type EscalationConfig = Static<typeof EscalationConfigOutput>;
type EscalationLevel = EscalationConfig['config']['levels'][number];
type Party = EscalationLevel['owner'];

const example = (t: Translate): EscalationConfig['config'] => ({
  levels: [{ level: 1, name: t('dashboard.settings_pages.escalation.example_level'), queue: 'general', owner: { role: 'supervisor' } }],
  triggers: [{ name: t('dashboard.settings_pages.escalation.example_trigger'), preset: 'asks_for_human' }],
});

function LevelsTable(props: { levels: EscalationLevel[] }) {
  const { nameOf } = useAgents();
  const { t } = useI18n();
  const party = (p: Party) => ('agent' in p ? nameOf(p.agent) : t('dashboard.settings_pages.escalation.role', { role: labelOf(t, 'dashboard.roles.', p.role) }));
  const parties = (list: Party[] | undefined) => (list && list.length > 0 ? list.map(party).join(', ') : '—');
  return (
    <div {...scrollRegion(t('dashboard.settings_pages.escalation.levels'))}>
      <table>
        <thead><tr><th scope="col">{t('dashboard.settings_pages.common.level')}</th><th scope="col">{t('dashboard.settings_pages.escalation.responsible')}</th><th scope="col">{t('dashboard.settings_pages.escalation.accountable')}</th><th scope="col">{t('dashboard.settings_pages.escalation.consulted')}</th><th scope="col">{t('dashboard.settings_pages.escalation.informed')}</th></tr></thead>
        <tbody>
          {[...props.levels].sort((a, b) => a.level - b.level).map((l) => (
            <tr key={l.level}>
              <th scope="row">{t('dashboard.escalation_level', { level: l.level })}{l.name ? ` · ${l.name}` : ''}</th>
              <td><code>{l.queue}</code></td><td>{party(l.owner)}</td><td>{parties(l.consulted)}</td><td>{parties(l.informed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Escalation levels L1–L3 with who is responsible, accountable, consulted and informed, and the triggers that escalate by themselves. */
export function EscalationSettings() {
  const { t, locale, timeZone } = useI18n();
  const { api, can } = useSession();
  const [reloads, setReloads] = useState(0);
  const config = useResource(`escalation:${reloads}`, () => api.get<EscalationConfig>('/v1/escalation'));
  const presets = useResource('escalation-presets', () => api.get<{ data: { name: string }[] }>('/v1/escalation/presets'));
  const data = config.data;
  return (
    <>
      <Panel title={t('dashboard.settings_pages.escalation.levels')}>
        <ErrorMessage error={config.error} />
        {data ? <p className="muted">{data.version === 0 ? t('dashboard.settings_pages.escalation.never_saved') : t('dashboard.settings_pages.escalation.version', { version: String(data.version) })}{data.updated_at ? ` · ${formatWhen(locale, timeZone, data.updated_at)}` : ''}{data.updated_by ? ` · ${data.updated_by}` : ''}</p> : null}
        {data && data.config.levels.length === 0 ? <Empty>{t('dashboard.settings_pages.escalation.no_levels')}</Empty> : null}
        {data && data.config.levels.length > 0 ? <LevelsTable levels={data.config.levels} /> : null}
      </Panel>
      <Panel title={t('dashboard.settings_pages.escalation.triggers')}>
        {data && data.config.triggers.length === 0 ? <Empty>{t('dashboard.settings_pages.escalation.no_triggers')}</Empty> : (
          <ul className="ticket-list">
            {data?.config.triggers.map((trigger) => (
              <li key={trigger.name}>
                <strong>{trigger.name}</strong> → {t('dashboard.escalation_level', { level: trigger.level ?? 1 })}{trigger.enabled === false ? ` ${t('dashboard.settings_pages.escalation.off')}` : ''}
                <div className="muted">{trigger.preset ? t('dashboard.settings_pages.escalation.preset', { preset: trigger.preset }) : <>{t('dashboard.settings_pages.common.when')} <code>{trigger.when}</code></>}</div>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {can('workflows:write') && data ? (
        <EscalationForm key={`${data.version}:${reloads}`} start={data.version === 0 ? example(t) : data.config}
          presets={presets.data?.data.map((p) => p.name) ?? []} onSaved={() => setReloads((n) => n + 1)} />
      ) : null}
    </>
  );
}
