/** One time series of a metric: its labels and its value now. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** A metric as Prometheus reads it: name, help text and its samples (all gauges here). */
export interface MetricFamily {
  name: string;
  help: string;
  samples: Sample[];
}

/** The content type of the text exposition format, version 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

function formatSample(name: string, sample: Sample): string {
  const labels = Object.entries(sample.labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',');
  return `${name}${labels ? `{${labels}}` : ''} ${formatValue(sample.value)}`;
}

/** Writes metric families in the Prometheus text exposition format (HELP, TYPE, one line per sample). */
export function exposition(families: readonly MetricFamily[]): string {
  return families.map((family) => [
    `# HELP ${family.name} ${escapeHelp(family.help)}`,
    `# TYPE ${family.name} gauge`,
    ...family.samples.map((sample) => formatSample(family.name, sample)),
  ].join('\n')).join('\n') + '\n';
}
