import { useId, useMemo, useState } from 'react';
import type { JsonObject } from '../../../src/domain/shared/json';
import { Empty, ErrorMessage, Loading, Panel } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatWhen } from '../lib/format';
import { useSession } from '../lib/session';
import type { PolicyDocument, PolicyVersion, TicketTypeDefinition } from '../lib/types';
import { useAgents } from '../lib/use-agents';
import { useResource } from '../lib/use-resource';
import { issuesByPath, policyBody, SAMPLE_TICKET, STARTER_POLICY } from './policy/policy-draft';
import { QueuesEditor } from './policy/queues-editor';
import { RulesEditor, TargetEditor } from './policy/rules-editor';
import { policyIssues, usePolicyCheck } from './policy/use-policy-check';
import { compareInSimulator } from './simulator/draft-handoff';
import { draftBody, TicketDraftFields } from './ticket-draft-fields';
import { ExplanationView } from './ticket/routing-explanation';
import { SectionTitle } from '../components/layout';
import { useI18n } from '../lib/i18n-provider';

/** The policy in force, or null for a workspace that has none yet. */
async function currentPolicy(load: () => Promise<PolicyVersion>): Promise<PolicyVersion | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'policy_version_not_found') return null;
    throw error;
  }
}

function Versions(props: { versions: PolicyVersion[]; current: number | null; canWrite: boolean; onRollback(version: number): void }) {
  const { t, locale, timeZone } = useI18n();
  return (
    <Panel title={t('dashboard.policy.versions')}>
      {props.versions.length === 0 ? <Empty>{t('dashboard.policy.no_versions')}</Empty> : (
        <ul className="versions">
          {props.versions.map((v) => (
            <li key={v.version}>
              <span>{t('dashboard.policy.version', { version: v.version })} · {formatWhen(locale, timeZone, v.created_at)}{v.created_by ? ` · ${v.created_by}` : ''}</span>
              {v.version === props.current ? <span className="badge">{t('dashboard.policy.in_force')}</span>
                : props.canWrite ? <button type="button" onClick={() => props.onRollback(v.version)}>{t('dashboard.policy.restore')}</button> : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function Editor(props: { saved: PolicyVersion | null; versions: PolicyVersion[]; onSaved(): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const { nameOf } = useAgents();
  const id = useId();
  const canWrite = can('routing:write');
  const [draft, setDraft] = useState<PolicyDocument>(props.saved?.policy ?? STARTER_POLICY);
  const [sample, setSample] = useState(SAMPLE_TICKET);
  const [sampleFields, setSampleFields] = useState<JsonObject>({});
  const types = useResource('ticket-types', () => api.get<{ data: TicketTypeDefinition[] }>('/v1/ticket-types')).data?.data ?? [];
  const sampleTyped = types.some((type) => type.name === sample.type);
  const ticket = useMemo(() => draftBody(sample, sampleTyped ? sampleFields : {}), [sample, sampleFields, sampleTyped]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const check = usePolicyCheck(api, draft, ticket);
  const issues = issuesByPath(check.issues);
  const queueIds = draft.queues.map((q) => q.id);
  const edit = (change: Partial<PolicyDocument>) => {
    setNotice(null);
    setDraft({ ...draft, ...change });
  };
  const run = async (action: () => Promise<PolicyVersion>, done: (version: number) => string) => {
    setSaveError(null);
    try {
      const saved = await action();
      setNotice(done(saved.version));
      props.onSaved();
    } catch (error) {
      setSaveError(policyIssues(error) ? new Error(t('dashboard.policy.has_mistakes')) : error);
    }
  };
  const unplaced = check.issues.filter((issue) => !/^\/(queues|rules)\/\d+\/(id|agents|when|offer_timeout|targets\/\d+\/(queue|agents))$|^\/default\/(queue|agents)$/.test(issue.path));
  return (
    <div className="policy-layout">
      <div className="policy-main">
        <div className="button-row policy-toolbar">
          {canWrite ? (
            <button type="button" className="primary" disabled={check.issues.length > 0} onClick={() => void run(() => api.put<PolicyVersion>('/v1/routing/policy', policyBody(draft)), (version) => t('dashboard.policy.saved', { version }))}>{t('dashboard.policy.save')}</button>
          ) : <span className="muted">{t('dashboard.policy.read_only')}</span>}
          {can('simulations:run') ? (
            <button type="button" disabled={check.issues.length > 0} onClick={() => compareInSimulator(policyBody(draft))}>{t('dashboard.policy.compare')}</button>
          ) : null}
          <span className={check.issues.length > 0 ? 'warn-text' : 'muted'} role="status">
            {check.checking ? t('dashboard.policy.checking') : check.issues.length > 0 ? t('dashboard.policy.mistakes', { count: check.issues.length }) : t('dashboard.policy.checked')}
          </span>
        </div>
        <ErrorMessage error={saveError} title={t('dashboard.policy.not_saved')} />
        {notice ? <p className="notice" role="status">{notice}</p> : null}
        <QueuesEditor queues={draft.queues} issues={issues} readOnly={!canWrite} onChange={(queues) => edit({ queues })} />
        <RulesEditor rules={draft.rules} queueIds={queueIds} issues={issues} readOnly={!canWrite} onChange={(rules) => edit({ rules })} />
        <fieldset className="policy-block" disabled={!canWrite}>
          <legend>{t('dashboard.policy.default')}</legend>
          <TargetEditor id={`${id}-default`} path="/default" target={draft.default} queueIds={queueIds} issues={issues} onChange={(target) => edit({ default: target })} />
        </fieldset>
        {unplaced.length > 0 ? (
          <div className="error" role="alert"><ul>{unplaced.map((issue) => <li key={`${issue.path}:${issue.message}`}><code>{issue.path || '/'}</code>: {issue.message}</li>)}</ul></div>
        ) : null}
      </div>
      <aside className="policy-side">
        <Panel title={t('dashboard.policy.dry_run')}>
          <fieldset className="form-grid sample-ticket">
            <legend>{t('dashboard.policy.sample')}</legend>
            <TicketDraftFields id={`${id}-sample`} form={sample} onForm={setSample} fields={sampleFields} onFields={setSampleFields} types={types} />
          </fieldset>
          <ErrorMessage error={check.error} />
          {check.result ? <ExplanationView explanation={check.result} nameOf={nameOf} /> : check.issues.length > 0 ? <p className="muted">{t('dashboard.policy.fix_first')}</p> : null}
        </Panel>
        <Versions versions={props.versions} current={props.saved?.version ?? null} canWrite={canWrite}
          onRollback={(version) => void run(() => api.post<PolicyVersion>('/v1/routing/policy/rollback', { version }), (saved) => t('dashboard.policy.restored', { from: version, version: saved }))} />
      </aside>
    </div>
  );
}

/** The routing policy: queues, ordered rules and the default, checked as typed and tried on a sample ticket. */
export function PolicyPage() {
  const { api } = useSession();
  const [reloads, setReloads] = useState(0);
  const policy = useResource(`policy:${reloads}`, () => currentPolicy(() => api.get<PolicyVersion>('/v1/routing/policy')));
  const versions = useResource(`versions:${reloads}`, () => api.get<{ data: PolicyVersion[] }>('/v1/routing/policy/versions'));
  return (
    <div className="page">
      <SectionTitle section="policy" />
      <ErrorMessage error={policy.error ?? versions.error} />
      {policy.data === undefined || !versions.data ? <Loading /> : (
        <Editor key={policy.data?.version ?? 0} saved={policy.data} versions={versions.data.data} onSaved={() => setReloads((n) => n + 1)} />
      )}
    </div>
  );
}
