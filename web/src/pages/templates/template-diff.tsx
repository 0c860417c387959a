import type { Static } from 'typebox';
import type { TemplateDiffOutput } from '../../../../src/surfaces/templates/template-schema';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

/** What applying a template would change, as `POST /v1/templates/…/preview` answers it. */
export type TemplateDiff = Static<typeof TemplateDiffOutput>;
export type DiffItem = TemplateDiff['sections'][string][number];
export type DiffStatus = DiffItem['status'];

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The counts of a diff in one sentence. */
export function diffSummary(diff: TemplateDiff, t: Translate): string {
  const { added, changed, unchanged, kept, removed } = diff.counts;
  return t('dashboard.templates_page.summary', { added, changed, unchanged, kept, removed });
}

/** A bundle section's name in the chosen language; one the catalogue lacks is shown as it is named. */
export function sectionName(t: Translate, section: string): string {
  return labelOf(t, 'dashboard.templates_page.section_', section);
}

/** One section's items: what changes is listed with its status; a changed item opens to its before and after. */
function Section(props: { name: string; items: DiffItem[] }) {
  const { t } = useI18n();
  const unchanged = props.items.filter((item) => item.status === 'unchanged').length;
  const moving = props.items.filter((item) => item.status !== 'unchanged');
  return (
    <section aria-label={props.name}>
      <h3>{sectionName(t, props.name)} {unchanged > 0 ? <span className="muted">({t('dashboard.templates.unchanged', { count: unchanged })})</span> : null}</h3>
      <ul className="diff-list">
        {moving.map((item) => (
          <li key={item.key}>
            <span className={`badge badge-plain plain-${item.status}`}>{t(`dashboard.templates_page.status_${item.status}`)}</span> <code>{item.key}</code>
            {item.status === 'changed' ? (
              <details>
                <summary>{t('dashboard.templates.before_after')}</summary>
                <div className="diff-sides">
                  <pre aria-label={t('dashboard.templates.before', { key: item.key })}>{json(item.before)}</pre>
                  <pre aria-label={t('dashboard.templates.after', { key: item.key })}>{json(item.after)}</pre>
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A template's diff against the workspace, section by section. */
export function TemplateDiffView(props: { diff: TemplateDiff }) {
  const { t } = useI18n();
  const sections = Object.entries(props.diff.sections).filter(([, items]) => items.length > 0);
  return (
    <div className="template-diff">
      <p role="status">{diffSummary(props.diff, t)}.</p>
      {sections.map(([name, items]) => <Section key={name} name={name} items={items} />)}
    </div>
  );
}
