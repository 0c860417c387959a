// The shape of GET /v1/metrics, from the server's answer schema (a type import only).
import type { Static } from 'typebox';
import type { MetricsReportOutput } from '../../../../src/surfaces/wire/metrics/metrics-schemas';

export type Metrics = Static<typeof MetricsReportOutput>;
export type Figures = Metrics['totals'];
