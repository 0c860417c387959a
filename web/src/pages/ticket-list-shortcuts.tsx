import { useMemo } from 'react';
import { focusFirst, focusIn, KeyboardShortcuts, moveFocus, type Shortcut } from '../components/keyboard-shortcuts';
import { useI18n } from '../lib/i18n-provider';

const LINKS = '.tickets-table .ticket-link';

/** j/k (and the arrows, once on the list) move between tickets, Enter opens one, / goes to the search. */
export function TicketListShortcuts(props: { page: { current: HTMLElement | null } }) {
  const { t } = useI18n();
  const { page } = props;
  const shortcuts = useMemo<Shortcut[]>(() => [
    { keys: ['j'], label: t('dashboard.shortcuts.next'), run: () => moveFocus(page.current, LINKS, 1) },
    { keys: ['k'], label: t('dashboard.shortcuts.previous'), run: () => moveFocus(page.current, LINKS, -1) },
    { keys: ['ArrowDown'], label: t('dashboard.shortcuts.next_on_list'), run: () => focusIn(page.current, LINKS) && moveFocus(page.current, LINKS, 1) },
    { keys: ['ArrowUp'], label: t('dashboard.shortcuts.previous_on_list'), run: () => focusIn(page.current, LINKS) && moveFocus(page.current, LINKS, -1) },
    { keys: ['Enter'], label: t('dashboard.shortcuts.open') },
    { keys: ['/'], label: t('dashboard.shortcuts.search'), run: () => focusFirst(page.current, 'input[type="search"]') },
  ], [t, page]);
  return <KeyboardShortcuts shortcuts={shortcuts} />;
}
