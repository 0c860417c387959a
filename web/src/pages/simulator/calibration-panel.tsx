import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui';
import { useI18n } from '../../lib/i18n-provider';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
import type { Static } from 'typebox';
import type { CalibrationOutput } from '../../../../src/surfaces/wire/simulation/calibration-schemas';
import { FitReportView } from './fit-report';
import type { ScenarioDocument } from './scenario-import';

type Calibration = Pick<Static<typeof CalibrationOutput>, 'calibration' | 'fit'> & { reading: { calls: number } };

const PRESETS = ['switchboard', 'bank-vru'] as const;
const INTERVALS = ['15', '30', '60'] as const;

/**
 * "Calibrate from a call log": a CSV file (or this workspace's tickets), a preset and an interval
 * in; the fit report out, and a button that hands the calibrated scenario to the page.
 */
export function CalibrationPanel(props: { onUse(scenario: ScenarioDocument): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const k = (key: string, values?: Record<string, string | number>) => t(`dashboard.simulator_page.calibration.${key}`, values);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<string>('switchboard');
  const [interval, setInterval] = useState<string>('30');
  const [result, setResult] = useState<Calibration | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [used, setUsed] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const calibrate = async (send: (signal: AbortSignal) => Promise<Calibration>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(null);
    setUsed(false);
    try {
      setResult(await send(abort.signal));
    } catch (failure) {
      if (!abort.signal.aborted) setError(failure);
    } finally {
      setRunning(false);
    }
  };
  const fromFile = (event: FormEvent) => {
    event.preventDefault();
    if (file) void calibrate((signal) => api.postFile<Calibration>(`/v1/simulations/calibrations?preset=${preset}&interval_min=${interval}`, file, 'text/csv', signal));
  };
  const fromWorkspace = () => void calibrate((signal) => api.post<Calibration>(`/v1/simulations/calibrations/workspace?interval_min=${interval}`, undefined, signal));
  const issues = detailIssues(error);

  return (
    <section aria-labelledby={`${id}-heading`} className="sim-results">
      <h2 id={`${id}-heading`}>{k('title')}</h2>
      <p className="muted">{k('intro')}</p>
      <form className="sim-form" aria-label={k('title')} onSubmit={fromFile}>
        <fieldset className="sim-block">
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-file`}>{k('file')}</label>
              <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-preset`}>{k('preset')}</label>
              <select id={`${id}-preset`} value={preset} onChange={(event) => setPreset(event.target.value)}>
                {PRESETS.map((name) => <option key={name} value={name}>{k(`preset_${name.replace('-', '_')}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-interval`}>{k('interval')}</label>
              <select id={`${id}-interval`} value={interval} onChange={(event) => setInterval(event.target.value)}>
                {INTERVALS.map((minutes) => <option key={minutes} value={minutes}>{t('dashboard.simulator_page.minutes', { minutes })}</option>)}
              </select>
            </div>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary" disabled={running || !file}>{k('calibrate')}</button>
          <button type="button" disabled={running} onClick={fromWorkspace}>{k('from_workspace')}</button>
        </div>
      </form>
      <div className="sim-status" role="status" aria-live="polite">
        {running ? k('running') : result ? k('done', { calls: result.reading.calls }) : ''}
      </div>
      {issues.length > 0
        ? <div className="error" role="alert"><ul>{issues.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path || '/'}</code>: {i.message}</li>)}</ul></div>
        : <ErrorMessage error={error} title={k('failed')} />}
      {result ? (
        <>
          <FitReportView fit={result.fit} />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => { props.onUse(result.calibration.scenario); setUsed(true); }}>{k('use')}</button>
            {used ? <span role="status">{k('used')}</span> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
