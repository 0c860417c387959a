import { useMemo } from 'react';
import { KeyboardShortcuts, moveFocus, type Shortcut } from '../components/keyboard-shortcuts';
import { useI18n } from '../lib/i18n-provider';

const LINKS = '.offer .ticket-link, .ticket-list .ticket-link';

/** Answers the offer that holds the focus, or else the first one, by pressing its button. */
function answer(page: HTMLElement | null, verb: 'accept' | 'decline'): boolean {
  const offers = [...(page?.querySelectorAll<HTMLElement>('.offer') ?? [])];
  const offer = offers.find((o) => o.contains(document.activeElement)) ?? offers[0];
  const button = offer?.querySelector<HTMLButtonElement>(`button[data-answer="${verb}"]:enabled`);
  button?.click();
  return Boolean(button);
}

/** j/k (and the arrows) move between offers and held tickets, Enter opens one, a/d accept or decline an offer. */
export function ConsoleShortcuts(props: { page: { current: HTMLElement | null } }) {
  const { t } = useI18n();
  const { page } = props;
  const shortcuts = useMemo<Shortcut[]>(() => [
    { keys: ['j', 'ArrowDown'], label: t('dashboard.shortcuts.next'), run: () => moveFocus(page.current, LINKS, 1) },
    { keys: ['k', 'ArrowUp'], label: t('dashboard.shortcuts.previous'), run: () => moveFocus(page.current, LINKS, -1) },
    { keys: ['Enter'], label: t('dashboard.shortcuts.open') },
    { keys: ['a'], label: t('dashboard.shortcuts.accept'), run: () => answer(page.current, 'accept') },
    { keys: ['d'], label: t('dashboard.shortcuts.decline'), run: () => answer(page.current, 'decline') },
  ], [t, page]);
  return <KeyboardShortcuts shortcuts={shortcuts} />;
}
