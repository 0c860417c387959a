import { lazy, Suspense, useState } from 'react';
import { ErrorMessage, Loading } from '../../components/ui';
import { useSession } from '../../lib/session';
import { useSubmit } from '../settings/use-submit';
import type { SimulationResult } from '../simulator/results';
import { useI18n } from '../../lib/i18n-provider';

// The results bring the charts library: loaded when a scenario has run, as the simulator page is.
const SimulationResults = lazy(() => import('../simulator/results').then((module) => ({ default: module.SimulationResults })));

/** Runs a template's own scenario on the policy in force (the template's, once applied) and shows the figures. */
export function ScenarioRun(props: { name: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const [result, setResult] = useState<SimulationResult | null>(null);
  const run = useSubmit();
  if (!can('simulations:run')) return null;
  const simulate = () => run.submit(async () => {
    const bundle = await api.get<{ scenario?: unknown }>(`/v1/templates/${props.name}`);
    setResult(await api.post<SimulationResult>('/v1/simulations', bundle.scenario));
  }, t('dashboard.templates_page.simulated'));
  return (
    <div className="scenario-run">
      <div className="button-row">
        <button type="button" onClick={() => void simulate()} disabled={run.busy}>{run.busy ? t('dashboard.templates.simulating') : t('dashboard.templates.run')}</button>
        <span className="hint">{t('dashboard.templates.run_hint')}</span>
      </div>
      <ErrorMessage error={run.error} title={t('dashboard.templates.not_simulated')} />
      {result ? <Suspense fallback={<Loading />}><SimulationResults result={result} /></Suspense> : null}
    </div>
  );
}
