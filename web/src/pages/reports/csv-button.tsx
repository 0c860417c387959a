import { useState } from 'react';
import { ErrorMessage } from '../../components/ui';
import { useSession } from '../../lib/session';
import type { MetricsTable } from '../../../../src/surfaces/wire/metrics/metrics-schemas';

/** The tables `GET /v1/metrics?format=csv` exports (docs/metrics.md), from the server's schema. */
export type { MetricsTable } from '../../../../src/surfaces/wire/metrics/metrics-schemas';

/** Downloads one table of the report, for the same period and grouping, as a CSV file. */
export function CsvButton(props: { query: Record<string, string>; table: MetricsTable; label: string }) {
  const { api } = useSession();
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    try {
      const csv = await api.text('/v1/metrics', { ...props.query, format: 'csv', table: props.table });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `switchboard-${props.table}-${props.query.from?.slice(0, 10) ?? ''}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <button type="button" className="link-button" onClick={() => void download()}>{props.label}</button>
      <ErrorMessage error={error} />
    </>
  );
}
