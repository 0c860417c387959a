import { useState } from 'react';

/** One save at a time, with its error and a short confirmation for screen readers. */
export function useSubmit(): { busy: boolean; error: unknown; done: string | null; submit(action: () => Promise<unknown>, done: string): Promise<boolean>; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, submit, clear: () => { setError(null); setDone(null); } };
}

/** "billing:7, refund:5" ⇄ {billing: 7, refund: 5}. */
export function parsePairs(text: string): Record<string, number> {
  const pairs = text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', value = ''] = part.split(':').map((s) => s.trim());
    return [name, Number(value)] as const;
  });
  return Object.fromEntries(pairs);
}

export function pairsText(record: Record<string, number>): string {
  return Object.entries(record).map(([name, value]) => `${name}:${value}`).join(', ');
}

export function listText(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}
