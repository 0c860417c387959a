import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/** The page is chosen by the hash (#/tickets/tkt_…), so the server serves one file and back/forward work. */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

function parse(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = hash.split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export function hrefOf(to: string): string {
  return `#${to}`;
}

export function Link(props: { to: string; className?: string; children: ReactNode; 'aria-current'?: 'page' | undefined }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={hrefOf(props.to)} className={props.className} onClick={onClick} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}
