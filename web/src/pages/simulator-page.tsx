import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../components/ui';
import type { Route } from '../lib/router';
import { useSession } from '../lib/session';
import type { PolicyIssue, PolicyVersion } from '../lib/types';
import { useResource } from '../lib/use-resource';
import { handedDraft } from './simulator/draft-handoff';
import { SimulationResults, type SimulationResult } from './simulator/results';
import { DEFAULT_FORM, issuesByField, scenarioIssues, toScenario, type ScenarioForm as Form } from './simulator/scenario';
import { ScenarioForm } from './simulator/scenario-form';
import { StaffingPlanner, type PlannerForm } from './simulator/staffing-planner';
import { CalibrationPanel } from './simulator/calibration-panel';
import { formOfScenario, plannerOfScenario, type ScenarioDocument } from './simulator/scenario-import';
import { SectionTitle } from '../components/layout';
import { useI18n } from '../lib/i18n-provider';

type StartingScenario = { reading: { tickets: number; calls: number }; scenario: ScenarioDocument };
/** Where the form's scenario came from: the example team, the workspace's recent tickets and agents, or a calibration. */
type Origin = { kind: 'example' } | { kind: 'workspace'; tickets: number; agents: number } | { kind: 'calibrated' };

type Run = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: SimulationResult } | { state: 'failed'; error: unknown; issues: PolicyIssue[] };

function initialForm(draft: string | null): Form {
  return draft ? { ...DEFAULT_FORM, a: { source: 'current', text: '' }, b: { source: 'pasted', text: draft } } : DEFAULT_FORM;
}

/**
 * The simulator: a scenario run under one or two policies on the same arrivals, through the live
 * routing engine on a virtual clock; the request is the run, so Cancel (or leaving) stops it.
 */
export function SimulatorPage(props: { route: Route }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [draft] = useState(() => handedDraft(props.route.query));
  const [form, setForm] = useState(() => initialForm(draft));
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [lastResult, setLastResult] = useState<SimulationResult | null>(null);
  const controller = useRef<AbortController | null>(null);
  const versions = useResource('policy-versions', () => api.get<{ data: PolicyVersion[] }>('/v1/routing/policy/versions'));
  // Null until the workspace's history has been asked for.
  const [origin, setOrigin] = useState<Origin | null>(null);
  const [planner, setPlanner] = useState<{ key: number; initial?: Partial<PlannerForm> }>({ key: 0 });
  const touched = useRef(false);
  const edit = (next: Form) => {
    touched.current = true;
    setForm(next);
  };

  // The form starts from the workspace's own agents and last four weeks of tickets, where it has
  // them; without history (or before it comes, if someone is already typing) the example team stays.
  useEffect(() => {
    let live = true;
    const keepExample = () => setOrigin((current) => current ?? { kind: 'example' });
    api.get<StartingScenario>('/v1/simulations/starting-scenario', { days: 28, interval_min: 60 }).then(({ reading, scenario }) => {
      if (!live) return;
      if (touched.current) return keepExample();
      setForm((current) => formOfScenario(scenario, current));
      setOrigin({ kind: 'workspace', tickets: reading.tickets, agents: scenario.agents.reduce((sum, group) => sum + group.count, 0) });
    }, () => { if (live) keepExample(); });
    return () => { live = false; };
  }, [api]);

  const loadScenario = (scenario: ScenarioDocument) => {
    touched.current = true;
    setForm((current) => formOfScenario(scenario, current));
    setOrigin({ kind: 'calibrated' });
    setPlanner((current) => ({ key: current.key + 1, initial: plannerOfScenario(scenario) }));
  };

  const start = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running' });
    try {
      const scenario = toScenario(form, versions.data?.data ?? []);
      const result = await api.post<SimulationResult>('/v1/simulations', scenario, abort.signal);
      setLastResult(result);
      setRun({ state: 'done', result });
    } catch (error) {
      if (abort.signal.aborted) setRun({ state: 'idle' });
      else setRun({ state: 'failed', error, issues: scenarioIssues(error) ?? [] });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };
  const cancel = () => controller.current?.abort();
  // Leaving the page closes the request, which stops the run on the server.
  useEffect(() => () => controller.current?.abort(), []);

  const issues = run.state === 'failed' ? run.issues : [];
  const byField = issuesByField(issues);
  const unplaced = byField.get('') ?? [];
  return (
    <div className="page">
      <SectionTitle section="simulator" />
      <p className="muted sim-intro">{t('dashboard.simulator_page.intro')}</p>
      <CalibrationPanel onUse={loadScenario} />
      <p className="muted" data-testid="sim-origin">
        {origin === null ? null : origin.kind === 'workspace' ? t('dashboard.simulator_page.origin_workspace', { tickets: origin.tickets, agents: origin.agents })
          : t(`dashboard.simulator_page.origin_${origin.kind}`)}
      </p>
      <ErrorMessage error={versions.error} title={t('dashboard.simulator_page.versions_failed')} />
      {!versions.data && !versions.error ? <Loading /> : (
        <ScenarioForm form={form} versions={versions.data?.data ?? []} issues={byField} running={run.state === 'running'}
          draftNote={draft ? t('dashboard.simulator_page.draft_note') : null}
          onChange={edit} onRun={() => void start()} onCancel={cancel} />
      )}
      <div className="sim-status" role="status" aria-live="polite">
        {run.state === 'running' ? t('dashboard.simulator_page.running') : run.state === 'failed' && issues.length > 0 ? t('dashboard.simulator_page.mistakes', { count: issues.length }) : ''}
      </div>
      {run.state === 'failed' && issues.length === 0 ? <ErrorMessage error={run.error} title={t('dashboard.simulator_page.not_run')} /> : null}
      {unplaced.length > 0 ? (
        <div className="error" role="alert"><ul>{unplaced.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path || '/'}</code>: {i.message}</li>)}</ul></div>
      ) : null}
      {lastResult ? <SimulationResults result={lastResult} /> : null}
      <StaffingPlanner key={planner.key} initial={planner.initial} />
    </div>
  );
}
