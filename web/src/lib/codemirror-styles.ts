import { StyleModule } from 'style-mod';

let adopted = false;

/**
 * CodeMirror mounts its styles in a <style> element for a document, which the dashboard's content
 * security policy (style-src 'self') refuses. For a shadow root it uses a constructed style sheet,
 * which the policy allows; so the document is given the style set that a shadow root gets (the
 * set is kept under a symbol on its root), and CodeMirror's styles land in a constructed sheet too.
 */
export function adoptCodeMirrorStyles(): void {
  if (adopted) return;
  adopted = true;
  const shadow = document.createElement('div').attachShadow({ mode: 'open' });
  StyleModule.mount(shadow, []);
  const target = document as unknown as Record<symbol, unknown>;
  const source = shadow as unknown as Record<symbol, unknown>;
  for (const key of Object.getOwnPropertySymbols(shadow)) target[key] = source[key];
}
