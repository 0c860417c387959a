import { useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n-provider';

/**
 * A page's shortcut: the keys that run it (as `KeyboardEvent.key`), what it does, and the action,
 * which returns false when it does not apply (the key then does what it would have done). One
 * without an action is the browser's own (Enter on a link), listed for the help.
 */
export interface Shortcut {
  keys: readonly string[];
  label: string;
  run?(): boolean;
}

/** Typing goes to the field, never to a shortcut. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const SHOWN: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑' };

/**
 * Focuses the next (1) or previous (-1) element matching `selector` inside `container`, counting
 * from the one that holds the focus; Enter then opens a focused link as it always does.
 */
export function moveFocus(container: ParentNode | null, selector: string, by: 1 | -1): boolean {
  const items = [...(container?.querySelectorAll<HTMLElement>(selector) ?? [])];
  if (items.length === 0) return false;
  const at = items.findIndex((item) => item === document.activeElement || item.contains(document.activeElement));
  const next = at < 0 ? (by === 1 ? 0 : items.length - 1) : Math.min(Math.max(at + by, 0), items.length - 1);
  items[next]?.focus();
  return true;
}

/** True when the focus is on one of the elements matching `selector` inside `container`. */
export function focusIn(container: ParentNode | null, selector: string): boolean {
  return [...(container?.querySelectorAll(selector) ?? [])].some((item) => item.contains(document.activeElement));
}

/** Focuses the first element matching `selector` inside `container`, if there is one. */
export function focusFirst(container: ParentNode | null, selector: string): boolean {
  const element = container?.querySelector<HTMLElement>(selector);
  element?.focus();
  return Boolean(element);
}

/**
 * Runs a page's single-key shortcuts (never while typing in a field, never with Ctrl, Alt or
 * Meta) and shows them all in a dialog on `?`.
 */
export function KeyboardShortcuts(props: { shortcuts: readonly Shortcut[] }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const shortcuts = useRef(props.shortcuts);
  useEffect(() => {
    shortcuts.current = props.shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typingIn(event.target) || dialog.current?.open) return;
      if (event.key === '?') {
        event.preventDefault();
        dialog.current?.showModal();
        return;
      }
      const shortcut = shortcuts.current.find((s) => s.keys.includes(event.key));
      if (shortcut?.run?.()) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const all = [...props.shortcuts, { keys: ['?'], label: t('dashboard.shortcuts.help') }];
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('dashboard.shortcuts.title')}</h2>
      <p className="muted">{t('dashboard.shortcuts.intro')}</p>
      <dl className="shortcuts">
        {all.map((shortcut) => (
          <div key={shortcut.label}>
            <dt>{shortcut.keys.map((key, index) => <span key={key}>{index > 0 ? ' / ' : ''}<kbd>{SHOWN[key] ?? key}</kbd></span>)}</dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="button-row"><button type="submit" className="primary">{t('dashboard.shortcuts.close')}</button></form>
    </dialog>
  );
}
