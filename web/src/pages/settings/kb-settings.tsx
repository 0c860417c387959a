import { useId, useState, type FormEvent } from 'react';
import { Badge, Empty, ErrorMessage, Field, Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import type { SearchHit } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { listText, useSubmit } from './use-submit';
import type { Static } from 'typebox';
import type { ArticleOutput } from '../../../../src/surfaces/wire/kb/kb-schemas';

type Article = Static<typeof ArticleOutput>;

function ArticleForm(props: { editing: Article | null; onDone(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const start = props.editing;
  const [title, setTitle] = useState(start?.title ?? '');
  const [body, setBody] = useState(start?.body ?? '');
  const [tags, setTags] = useState(start?.tags.join(', ') ?? '');
  const [language, setLanguage] = useState(start?.language ?? 'en');
  const [published, setPublished] = useState(start?.published ?? true);
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const doc = { title, body, tags: listText(tags), language: language || null, published };
    const ok = await save.submit(() => (start ? api.patch(`/v1/kb/articles/${start.id}`, { ...doc, version: start.version }) : api.post('/v1/kb/articles', doc)), t('dashboard.settings_pages.kb.saved'));
    if (ok) props.onDone();
  };
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={start ? t('dashboard.settings_pages.common.edit_named', { name: start.title }) : t('dashboard.settings_pages.kb.add_title')}>
      <h2 className="span-all">{start ? t('dashboard.settings_pages.kb.edit_title') : t('dashboard.settings_pages.kb.add_title')}</h2>
      <Field id={`${id}-title`} label={t('dashboard.settings_pages.kb.title')}><input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} /></Field>
      <Field id={`${id}-tags`} label={t('dashboard.settings_pages.kb.tags')} hint={t('dashboard.settings_pages.kb.tags_hint')}><input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} /></Field>
      <Field id={`${id}-language`} label={t('dashboard.settings_pages.kb.language')}><input id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)} size={6} /></Field>
      <div className="field"><label><input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} /> {t('dashboard.settings_pages.kb.published_label')}</label></div>
      <div className="span-all">
        <Field id={`${id}-body`} label={t('dashboard.settings_pages.kb.body')}><textarea id={`${id}-body`} rows={6} value={body} onChange={(e) => setBody(e.target.value)} /></Field>
        <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.kb.save')}</button>
          {start ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}

function Search() {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const hits = useResource(`kb-search:${asked}`, () => (asked ? api.get<{ data: SearchHit[] }>('/v1/kb/search', { q: asked }) : Promise.resolve({ data: [] })));
  return (
    <Panel title={t('dashboard.settings_pages.kb.search_title')}>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); setAsked(q.trim()); }} role="search">
        <Field id={`${id}-q`} label={t('dashboard.settings_pages.kb.words')}><input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} /></Field>
        <button type="submit">{t('dashboard.settings_pages.kb.search')}</button>
      </form>
      <ErrorMessage error={hits.error} />
      {asked && hits.data?.data.length === 0 ? <Empty>{t('dashboard.settings_pages.kb.nothing')}</Empty> : null}
      <ul className="suggestions">{hits.data?.data.map((h) => <li key={h.article.id}><strong>{h.article.title}</strong><div className="snippet">{h.snippet.replace(/\*\*/g, '')}</div></li>)}</ul>
    </Panel>
  );
}

/** Articles suggested to requesters and agents, and their search. */
export function KnowledgeBaseSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<Article | null>(null);
  const articles = useResource(`articles:${reloads}`, () => listAll<Article>(api, '/v1/kb/articles', {}, 200));
  const canWrite = can('tickets:write');
  const done = () => {
    setEditing(null);
    setReloads((n) => n + 1);
  };
  return (
    <>
      {canWrite ? <ArticleForm key={`${editing?.id ?? 'new'}:${reloads}`} editing={editing} onDone={done} /> : null}
      <Search />
      <Panel title={t('dashboard.settings_pages.kb.articles')}>
        <ErrorMessage error={articles.error} />
        {articles.data?.length === 0 ? <Empty>{t('dashboard.settings_pages.kb.empty')}</Empty> : (
          <ul className="ticket-list">
            {articles.data?.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> <Badge kind="plain" value={a.published ? t('dashboard.settings_pages.kb.published') : t('dashboard.settings_pages.kb.draft')} />
                <div className="muted">{[a.language, ...a.tags].filter(Boolean).join(', ')}</div>
                {canWrite ? <button type="button" onClick={() => setEditing(a)}>{t('dashboard.settings_pages.common.edit')}</button> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
