import { useId, type ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { humanize } from '../lib/format';
import { useI18n } from '../lib/i18n-provider';
import type { PolicyIssue } from '../lib/types';

/** A status, priority or presence as a coloured label; the colour comes from its value's class. */
export function Badge(props: { kind: 'status' | 'priority' | 'presence' | 'plain'; value: string | null | undefined }) {
  const { t } = useI18n();
  const value = props.value ?? 'none';
  const text = props.kind === 'plain' ? humanize(value) : props.value ? t(`dashboard.${props.kind}.${value}`) : '—';
  return <span className={`badge badge-${props.kind} ${props.kind}-${value}`}>{text}</span>;
}

/** An error as people read it, announced to screen readers. */
export function ErrorMessage(props: { error: unknown; title?: string }) {
  if (!props.error) return null;
  const error = props.error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="error" role="alert">
      {props.title ? <strong>{props.title}: </strong> : null}
      {message}
      {code ? <span className="error-code"> ({code})</span> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('dashboard.loading')}</p>;
}

export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

/** A titled block of a page. */
export function Panel(props: { title: string; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  // A title in any script or language can name the panel: the heading's id does not come from it.
  const ownId = useId();
  const headingId = `${props.id ?? ownId}-heading`;
  return (
    <section className={`panel ${props.className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{props.title}</h2>
        {props.actions ? <div className="panel-actions">{props.actions}</div> : null}
      </header>
      {props.children}
    </section>
  );
}

/** One headline number. */
export function Stat(props: { label: string; value: ReactNode; tone?: 'ok' | 'warn' | 'bad' | 'neutral'; hint?: string }) {
  return (
    <div className={`stat stat-${props.tone ?? 'neutral'}`}>
      <div className="stat-value">{props.value}</div>
      <div className="stat-label">{props.label}</div>
      {props.hint ? <div className="stat-hint">{props.hint}</div> : null}
    </div>
  );
}

/** Load against capacity as a bar: green under 80 %, amber to 100 %, red above. */
export function LoadBar(props: { label: string; share: number | null }) {
  const share = props.share ?? 0;
  const tone = share > 1 ? 'bad' : share >= 0.8 ? 'warn' : share === 0 ? 'idle' : 'ok';
  const percent = Math.round(share * 100);
  const { t } = useI18n();
  return (
    <div className={`loadbar loadbar-${tone}`} role="meter" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={t('dashboard.load.of_capacity', { percent })}>
      <div className="loadbar-fill" style={{ width: `${Math.min(percent, 100)}%` }} />
    </div>
  );
}

/** A labelled form control; the label is tied to the control by its id. */
export function Field(props: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? <div className="hint" id={`${props.id}-hint`}>{props.hint}</div> : null}
    </div>
  );
}

/** The mistakes of a refused document, each at its path (and, for a condition, its column). */
export function IssueList(props: { issues: PolicyIssue[] }) {
  const { t } = useI18n();
  return (
    <div className="error" role="alert">
      <p>{t('dashboard.issues.not_saved', { count: props.issues.length })}</p>
      <ul>{props.issues.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path || '/'}</code>: {i.message}{i.position ? ` (${t('dashboard.issues.column', { column: i.position.column })})` : ''}</li>)}</ul>
    </div>
  );
}

/**
 * The attributes of a box a wide table scrolls sideways in: focusable and named, so a keyboard
 * can scroll it too (WCAG 2.1.1; axe's `scrollable-region-focusable`).
 */
export function scrollRegion(label: string): { className: string; tabIndex: number; role: 'region'; 'aria-label': string } {
  return { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': label };
}
