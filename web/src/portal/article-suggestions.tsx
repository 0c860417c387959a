import { useEffect, useState } from 'react';
import { Snippet } from '../components/snippet';
import { useI18n } from '../lib/i18n-provider';
import { portalApi, portalPath } from './portal-api';
import type { RequesterHelp, SuggestedArticle } from './portal-types';

/** Time after the last keystroke before the server is asked: one question per pause, not per key. */
const DEBOUNCE_MS = 400;

/**
 * Asks for articles and a type and priority as the requester types, once they pause. `onHelp`
 * hears each answer (the form takes the suggested type and priority unless the requester chose).
 */
export function useRequesterHelp(workspace: string, title: string, description: string, onHelp: (help: RequesterHelp) => void): SuggestedArticle[] {
  const [articles, setArticles] = useState<SuggestedArticle[]>([]);
  useEffect(() => {
    if (`${title}${description}`.trim().length < 3) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      portalApi.post<RequesterHelp>(portalPath(workspace, 'suggestions'), { title, description }, controller.signal).then((help) => {
        setArticles(help.articles);
        onHelp(help);
      }, () => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [workspace, title, description, onHelp]);
  return articles;
}

/** Articles that may answer the requester, each readable in place with "this solved my problem". */
export function ArticleSuggestions(props: { workspace: string; articles: SuggestedArticle[] }) {
  const { t } = useI18n();
  const [solved, setSolved] = useState<string | null>(null);
  if (props.articles.length === 0) return null;
  const solve = (article: SuggestedArticle) => {
    void portalApi.post(portalPath(props.workspace, 'deflections'), { article_id: article.id }).then(() => setSolved(article.id), () => undefined);
  };
  return (
    <section className="portal-card suggestions" aria-labelledby="suggestions-title" aria-live="polite">
      <h2 id="suggestions-title">{t('portal.suggestions.title')}</h2>
      {solved ? <p className="notice" role="status">{t('portal.suggestions.thanks')}</p> : null}
      <ul>
        {props.articles.map((article) => (
          <li key={article.id}>
            <details>
              <summary>{article.title}</summary>
              <p className="snippet-line"><Snippet text={article.snippet} /></p>
              <p className="article-body">{article.body}</p>
              {solved ? null : <button type="button" onClick={() => solve(article)}>{t('portal.suggestions.solved')}</button>}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
