import { useState } from 'react';
import type { Static } from 'typebox';
import type { TemplateCardOutput } from '../../../src/surfaces/templates/template-schema';
import { Empty, ErrorMessage, Loading, Panel } from '../components/ui';
import { SectionTitle } from '../components/layout';
import { detailIssues } from '../lib/issues';
import { useSession } from '../lib/session';
import { useI18n } from '../lib/i18n-provider';
import { useResource } from '../lib/use-resource';
import { useSubmit } from './settings/use-submit';
import { ScenarioRun } from './templates/scenario-run';
import { diffSummary, sectionName, TemplateDiffView, type TemplateDiff } from './templates/template-diff';

type TemplateCard = Static<typeof TemplateCardOutput>;

/** Offers the workspace's settings as a bundle file, as GET /v1/templates/export gives it. */
function ExportButton() {
  const { api } = useSession();
  const { t } = useI18n();
  const exporting = useSubmit();
  const download = () => exporting.submit(async () => {
    const bundle = await api.get<{ name: string }>('/v1/templates/export');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
    link.download = `${bundle.name}-template.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  }, t('dashboard.templates_page.exported'));
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={exporting.busy}>{t('dashboard.templates_page.export')}</button>
      <ErrorMessage error={exporting.error} title={t('dashboard.templates_page.not_exported')} />
    </>
  );
}

/** A template's preview, then its apply behind a confirmation. */
function Preview(props: { card: TemplateCard; onClose(): void }) {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState<TemplateDiff | null>(null);
  const diff = useResource(`template-preview:${props.card.name}:${applied ? 'after' : 'before'}`, () =>
    api.post<TemplateDiff>(`/v1/templates/${props.card.name}/preview`));
  const apply = useSubmit();
  const run = () => apply.submit(async () => setApplied(await api.post<TemplateDiff>(`/v1/templates/${props.card.name}/apply`)), t('dashboard.templates_page.applied_done'));
  const changes = diff.data ? diff.data.counts.added + diff.data.counts.changed + diff.data.counts.removed : 0;
  return (
    <Panel title={t('dashboard.templates_page.preview_title', { title: props.card.title })} actions={<button type="button" onClick={props.onClose}>{t('dashboard.templates_page.close')}</button>}>
      {applied ? <p className="notice" role="status">{t('dashboard.templates_page.applied', { name: props.card.name, version: props.card.version, summary: diffSummary(applied, t) })}</p> : null}
      {diff.error ? <ErrorMessage error={diff.error} title={t('dashboard.templates_page.cannot_preview')} /> : null}
      {!diff.data && !diff.error ? <Loading /> : null}
      {diff.data ? <TemplateDiffView diff={diff.data} /> : null}
      {can('workspace:manage') && diff.data && changes > 0 ? (
        <div className="button-row">
          {confirming ? (
            <>
              <button type="button" className="primary" disabled={apply.busy} onClick={() => void run().then(() => setConfirming(false))}>
                {t('dashboard.templates_page.apply_changes', { count: changes })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>{t('dashboard.templates_page.cancel')}</button>
            </>
          ) : <button type="button" onClick={() => setConfirming(true)}>{t('dashboard.templates_page.apply')}</button>}
        </div>
      ) : null}
      {diff.data && changes === 0 && (props.card.counts.scenario ?? 0) > 0 ? <ScenarioRun name={props.card.name} /> : null}
      <ErrorMessage error={apply.error} title={t('dashboard.templates_page.not_applied')} />
      {detailIssues(apply.error).length > 0 ? <ul>{detailIssues(apply.error).map((i) => <li key={i.path + i.message}><code>{i.path}</code> {i.message}</li>)}</ul> : null}
    </Panel>
  );
}

/** The gallery of shipped workflow templates: what each sets up, its diff against this workspace, and applying it. */
export function TemplatesPage() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const gallery = useResource('templates', () => api.get<{ data: TemplateCard[] }>('/v1/templates'));
  const [open, setOpen] = useState<TemplateCard | null>(null);
  return (
    <div className="page">
      <SectionTitle section="templates" />
      <p className="muted">{t('dashboard.templates_page.intro')}</p>
      {can('workspace:manage') ? <div className="button-row"><ExportButton /></div> : null}
      {open ? <Preview key={open.name} card={open} onClose={() => setOpen(null)} /> : null}
      <ErrorMessage error={gallery.error} />
      {gallery.data?.data.length === 0 ? <Empty>{t('dashboard.templates_page.none')}</Empty> : null}
      <div className="grid">
        {gallery.data?.data.map((card) => (
          <Panel key={card.name} id={`template-${card.name}`} title={card.title} actions={<span className="muted">{card.version}</span>}>
            <p>{card.description}</p>
            <p className="hint">{t('dashboard.templates_page.for', { use_case: card.use_case })}</p>
            <p className="hint">{Object.entries(card.counts).filter(([, n]) => n > 0).map(([section, n]) => t('dashboard.templates_page.section_count', { count: n, section: sectionName(t, section) })).join(' · ')}</p>
            <button type="button" onClick={() => setOpen(card)} aria-label={t('dashboard.templates_page.preview_named', { title: card.title })}>{t('dashboard.templates_page.preview')}</button>
          </Panel>
        ))}
      </div>
    </div>
  );
}
