import { useId } from 'react';
import type { PolicyIssue } from '../../lib/types';
import { removeAt, replaceAt } from '../policy/policy-draft';
import { FieldIssues, InputField } from './form-fields';
import { NEW_GROUP, type AgentGroupForm } from './scenario';
import { useI18n } from '../../lib/i18n-provider';

/** The simulated roster: groups of identical agents with their skills, tier level and capacity per channel class. */
export function AgentGroups(props: { groups: AgentGroupForm[]; issues: Map<string, PolicyIssue[]>; onChange(groups: AgentGroupForm[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const { groups, issues } = props;
  const update = (index: number, change: Partial<AgentGroupForm>) => props.onChange(replaceAt(groups, index, { ...groups[index]!, ...change }));
  return (
    <fieldset className="sim-block">
      <legend>{t('dashboard.simulator_page.agents')}</legend>
      <FieldIssues id={`${id}-roster-error`} issues={issues.get('agents')} />
      {groups.map((group, index) => {
        const base = `${id}-g${index}`;
        const at = (field: string) => issues.get(`agents.${index}.${field}`);
        const label = group.name || t('dashboard.simulator_page.group_default', { number: index + 1 });
        return (
          <div key={index} className="sim-group" role="group" aria-label={t('dashboard.simulator_page.group_label', { number: index + 1 })}>
            <div className="field">
              <label htmlFor={`${base}-name`}>{t('dashboard.simulator_page.group_name')}</label>
              <input id={`${base}-name`} value={group.name} placeholder={t('dashboard.simulator_page.group_default', { number: index + 1 })} onChange={(e) => update(index, { name: e.target.value })} />
            </div>
            <InputField id={`${base}-count`} label={t('dashboard.simulator_page.group_count')} step="1" value={group.count} issues={at('count')} onChange={(count) => update(index, { count })} />
            <InputField id={`${base}-skills`} type="text" label={t('dashboard.simulator_page.group_skills')} hint="billing:5, refund:3" value={group.skills} issues={at('skills')} onChange={(skills) => update(index, { skills })} />
            <InputField id={`${base}-level`} label={t('dashboard.simulator_page.group_level')} step="1" value={group.level} issues={at('level')} onChange={(level) => update(index, { level })} />
            <InputField id={`${base}-phone`} label={t('dashboard.simulator_page.group_phone')} step="1" value={group.phone} issues={at('phone')} onChange={(phone) => update(index, { phone })} />
            <InputField id={`${base}-chat`} label={t('dashboard.simulator_page.group_chat')} step="1" value={group.chat} issues={at('chat')} onChange={(chat) => update(index, { chat })} />
            <InputField id={`${base}-email`} label={t('dashboard.simulator_page.group_email')} step="1" value={group.email} issues={at('email')} onChange={(email) => update(index, { email })} />
            <button type="button" className="icon-button" aria-label={t('dashboard.simulator_page.group_remove', { name: label })} disabled={groups.length === 1} onClick={() => props.onChange(removeAt(groups, index))}>✕</button>
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...groups, { ...NEW_GROUP }])}>{t('dashboard.simulator_page.group_add')}</button>
    </fieldset>
  );
}
