import { useId, useState, type FormEvent } from 'react';
import { Badge, Empty, ErrorMessage, Field, Panel, scrollRegion } from '../../components/ui';
import { PRESENCES } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import type { Agent } from '../../lib/types';
import { useAgents } from '../../lib/use-agents';
import { listText, pairsText, parsePairs, useSubmit } from './use-submit';

const BLANK = { name: '', email: '', level: '1', skills: '', languages: 'en', teams: '', capacity: 'email:5, chat:2, phone:1', status: 'offline' };
type Draft = typeof BLANK;

function draftOf(agent: Agent): Draft {
  return {
    name: agent.name, email: agent.email ?? '', level: String(agent.level), skills: pairsText(agent.skills),
    languages: agent.languages.join(', '), teams: agent.teams.join(', '), capacity: pairsText(agent.capacity), status: agent.status,
  };
}

function bodyOf(draft: Draft) {
  return {
    name: draft.name, email: draft.email || null, level: Number(draft.level), skills: parsePairs(draft.skills),
    languages: listText(draft.languages), teams: listText(draft.teams), capacity: parsePairs(draft.capacity), status: draft.status,
  };
}

function AgentForm(props: { editing: Agent | null; onDone(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(props.editing ? draftOf(props.editing) : BLANK);
  const save = useSubmit();
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft);
    const ok = await save.submit(
      () => (props.editing ? api.patch(`/v1/agents/${props.editing.id}`, body) : api.post('/v1/agents', body)),
      props.editing ? t('dashboard.settings_pages.agents.saved') : t('dashboard.settings_pages.agents.added'),
    );
    if (ok) props.onDone();
  };
  const title = props.editing ? t('dashboard.settings_pages.common.edit_named', { name: props.editing.name }) : t('dashboard.settings_pages.agents.add_title');
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={title}>
      <h2 className="span-all">{title}</h2>
      <Field id={`${id}-name`} label={t('dashboard.settings_pages.common.name')}><input id={`${id}-name`} required value={draft.name} onChange={set('name')} /></Field>
      <Field id={`${id}-email`} label={t('dashboard.settings_pages.agents.email')}><input id={`${id}-email`} type="email" value={draft.email} onChange={set('email')} /></Field>
      <Field id={`${id}-level`} label={t('dashboard.settings_pages.agents.level')}><input id={`${id}-level`} type="number" min={1} max={10} value={draft.level} onChange={set('level')} /></Field>
      <Field id={`${id}-status`} label={t('dashboard.settings_pages.agents.presence')}>
        <select id={`${id}-status`} value={draft.status} onChange={set('status')}>{PRESENCES.map((p) => <option key={p} value={p}>{t(`dashboard.presence.${p}`)}</option>)}</select>
      </Field>
      <Field id={`${id}-skills`} label={t('dashboard.settings_pages.agents.skills')} hint={t('dashboard.settings_pages.agents.skills_hint')}><input id={`${id}-skills`} value={draft.skills} onChange={set('skills')} /></Field>
      <Field id={`${id}-capacity`} label={t('dashboard.settings_pages.agents.capacity')} hint={t('dashboard.settings_pages.agents.capacity_hint')}><input id={`${id}-capacity`} value={draft.capacity} onChange={set('capacity')} /></Field>
      <Field id={`${id}-languages`} label={t('dashboard.settings_pages.agents.languages')}><input id={`${id}-languages`} value={draft.languages} onChange={set('languages')} /></Field>
      <Field id={`${id}-teams`} label={t('dashboard.settings_pages.agents.teams')}><input id={`${id}-teams`} value={draft.teams} onChange={set('teams')} /></Field>
      <div className="span-all">
        <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.busy}>{props.editing ? t('dashboard.settings_pages.agents.save') : t('dashboard.settings_pages.agents.add')}</button>
          {props.editing ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}

/** The team: skills with levels, capacity per channel, presence; who may take what. */
export function AgentsSettings() {
  const { can } = useSession();
  const { t } = useI18n();
  const { agents } = useAgents();
  const [editing, setEditing] = useState<Agent | null>(null);
  const [formKey, setFormKey] = useState(0);
  const canWrite = can('agents:write');
  const done = () => {
    setEditing(null);
    setFormKey((n) => n + 1);
  };
  return (
    <>
      {canWrite ? <AgentForm key={`${editing?.id ?? 'new'}:${formKey}`} editing={editing} onDone={done} /> : null}
      <Panel title={t('dashboard.settings_pages.agents.title')}>
        {agents.length === 0 ? <Empty>{t('dashboard.settings_pages.agents.empty')}</Empty> : (
          <div {...scrollRegion(t('dashboard.settings_pages.agents.title'))}>
            <table>
              <thead><tr><th scope="col">{t('dashboard.settings_pages.common.name')}</th><th scope="col">{t('dashboard.settings_pages.agents.presence')}</th><th scope="col">{t('dashboard.settings_pages.common.level')}</th><th scope="col">{t('dashboard.settings_pages.agents.skills')}</th><th scope="col">{t('dashboard.settings_pages.agents.capacity')}</th><th scope="col">{t('dashboard.settings_pages.agents.teams_languages')}</th>{canWrite ? <th scope="col"><span className="visually-hidden">{t('dashboard.settings_pages.agents.actions')}</span></th> : null}</tr></thead>
              <tbody>
                {agents.map((agent) => (
                  <tr key={agent.id}>
                    <th scope="row">{agent.name}<div className="muted">{agent.email}</div></th>
                    <td><Badge kind="presence" value={agent.status} /></td>
                    <td>{t('dashboard.escalation_level', { level: agent.level })}</td>
                    <td>{Object.entries(agent.skills).sort((a, b) => b[1] - a[1]).map(([skill, level]) => `${skill} ${level}`).join(', ') || '—'}</td>
                    <td>{pairsText(agent.capacity)}</td>
                    <td>{[...agent.teams, ...agent.languages].join(', ') || '—'}</td>
                    {canWrite ? <td><button type="button" onClick={() => setEditing(agent)} aria-label={t('dashboard.settings_pages.common.edit_named', { name: agent.name })}>{t('dashboard.settings_pages.common.edit')}</button></td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </>
  );
}
