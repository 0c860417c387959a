import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { followEvents, type LiveEvent, type StreamStatus } from './event-stream';

type Listener = (events: LiveEvent[] | 'reset') => void;

interface Live {
  status: StreamStatus;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live | null>(null);

/** One event stream for the whole dashboard; pages subscribe to the events they show. */
export function LiveProvider(props: { token: string; children: ReactNode }) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [listeners] = useState(() => new Set<Listener>());
  useEffect(() => followEvents(props.token, {
    onEvents: (events) => listeners.forEach((listener) => listener(events)),
    onReset: () => listeners.forEach((listener) => listener('reset')),
    onStatus: setStatus,
  }), [props.token, listeners]);
  const value = useMemo<Live>(() => ({
    status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }), [status, listeners]);
  return <LiveContext.Provider value={value}>{props.children}</LiveContext.Provider>;
}

export function useLiveStatus(): StreamStatus {
  return useContext(LiveContext)?.status ?? 'connecting';
}

/** Refetches are grouped: a burst of events (one ticket routed writes several) reloads once. */
const SETTLE_MS = 250;

/**
 * A number that goes up shortly after an event the filter accepts arrives (or after a reset);
 * put it among a loader's inputs to reload what a page shows when it changes.
 */
export function useLiveTick(accept: (event: LiveEvent) => boolean = () => true): number {
  const live = useContext(LiveContext);
  const [tick, setTick] = useState(0);
  const acceptRef = useRef(accept);
  useEffect(() => {
    acceptRef.current = accept;
  });
  useEffect(() => {
    if (!live) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = live.subscribe((events) => {
      if (events !== 'reset' && !events.some((event) => acceptRef.current(event))) return;
      timer ??= setTimeout(() => {
        timer = null;
        setTick((value) => value + 1);
      }, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [live]);
  return tick;
}
