import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, IssueList, Panel, scrollRegion } from '../../components/ui';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
import type { TicketTypeDefinition } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { catalogue } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import type { Locale } from '../../../../src/domain/i18n/locales';
import { localized } from '../../../../src/domain/ticket/ticket-type';
import { useSubmit } from './use-submit';

/** The example in English and in the chosen language, as a label per locale is written. */
function example(locale: Locale) {
  const text = (key: string) => ({ en: catalogue.translate('en', key), [locale]: catalogue.translate(locale, key) });
  return {
    name: 'work_order',
    label: text('dashboard.settings_pages.types.example_label'),
    fields: [{ key: 'address', label: text('dashboard.settings_pages.types.example_address'), kind: 'text', required: true }],
  };
}


function TypesTable(props: { types: TicketTypeDefinition[] }) {
  const { t, locale } = useI18n();
  return (
    <div {...scrollRegion(t('dashboard.settings_pages.types.title'))}>
      <table>
        <thead><tr><th scope="col">{t('dashboard.settings_pages.types.type')}</th><th scope="col">{t('dashboard.settings_pages.types.label')}</th><th scope="col">{t('dashboard.settings_pages.types.fields')}</th><th scope="col">{t('dashboard.settings_pages.types.portal')}</th></tr></thead>
        <tbody>
          {props.types.map((type) => (
            <tr key={type.name}>
              <th scope="row"><code>{type.name}</code></th>
              <td>{localized(type.label, locale)}</td>
              <td>{type.fields.length === 0 ? '—' : type.fields.map((field, index) => (
                <span key={field.key}>{index > 0 ? ', ' : ''}{field.required ? <strong>{field.key}</strong> : field.key} <span className="muted">({field.kind})</span></span>
              ))}</td>
              <td>{type.portal === false ? t('dashboard.settings_pages.types.no') : t('dashboard.settings_pages.types.yes')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One type edited as the JSON PUT /v1/ticket-types/:name takes; the server names each mistake's path. */
function TicketTypeForm(props: { types: TicketTypeDefinition[]; onSaved(): void }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const id = useId();
  const [text, setText] = useState(JSON.stringify(example(locale), null, 2));
  const save = useSubmit();
  const issues = detailIssues(save.error);
  const pick = (name: string) => {
    const chosen = props.types.find((type) => type.name === name);
    if (!chosen) return;
    const { version: _version, created_at: _created, updated_at: _updated, ...document } = chosen;
    setText(JSON.stringify(document, null, 2));
    save.clear();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.submit(async () => {
      const document = JSON.parse(text) as { name?: unknown };
      await api.put(`/v1/ticket-types/${encodeURIComponent(String(document.name ?? ''))}`, document);
    }, t('dashboard.settings_pages.types.saved'));
    if (ok) props.onSaved();
  };
  return (
    <form className="panel form-stack" onSubmit={submit} aria-label={t('dashboard.settings_pages.types.edit_form')}>
      <h2>{t('dashboard.settings_pages.types.form_title')}</h2>
      {props.types.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-pick`}>{t('dashboard.settings_pages.types.start_from')}</label>
          <select id={`${id}-pick`} defaultValue="" onChange={(e) => pick(e.target.value)}>
            <option value="">{t('dashboard.settings_pages.types.example')}</option>
            {props.types.map((type) => <option key={type.name} value={type.name}>{type.name}</option>)}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-json`}>{t('dashboard.settings_pages.types.json')}</label>
        <textarea id={`${id}-json`} className="code" rows={14} spellCheck={false} value={text} aria-describedby={`${id}-hint`}
          aria-invalid={issues.length > 0 ? true : undefined} onChange={(e) => setText(e.target.value)} />
        <div className="hint" id={`${id}-hint`}>{t('dashboard.settings_pages.types.hint')}</div>
      </div>
      {issues.length > 0 ? <IssueList issues={issues} /> : <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />}
      {save.done ? <p className="notice" role="status">{save.done}</p> : null}
      <div className="button-row"><button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.types.save')}</button></div>
    </form>
  );
}

/** The kinds of work the workspace knows and the fields each asks for at intake. */
export function TicketTypesSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const types = useResource(`ticket-types:${reloads}`, () => api.get<{ data: TicketTypeDefinition[] }>('/v1/ticket-types'));
  const list = types.data?.data ?? [];
  return (
    <>
      <Panel title={t('dashboard.settings_pages.types.title')}>
        <ErrorMessage error={types.error} />
        {types.data && list.length === 0 ? <Empty>{t('dashboard.settings_pages.types.empty')}</Empty> : null}
        {list.length > 0 ? <TypesTable types={list} /> : null}
      </Panel>
      {can('workflows:write') ? <TicketTypeForm types={list} onSaved={() => setReloads((n) => n + 1)} /> : null}
    </>
  );
}
