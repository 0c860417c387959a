// The triage classifier on the Bitext customer-support sample (27 intents), next to a multinomial
// Naive Bayes baseline trained and scored in the same run (DESIGN §4). Run alone with
// `node dist/bench/triage-bench.js`; bench/run.ts may import benchTriage() and triageRows().
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  ClassifierTraining, evaluatePredictions, splitForEvaluation, type EvaluationReport, type LabelledText,
} from '../src/domain/triage/classifier/index.js';
import { NaiveBayes } from './naive-bayes.js';
import type { ReportRow } from './report.js';

/** The Bitext intents shipped with the project (data/triage/README.md says where they come from). */
export const BITEXT_CSV = fileURLToPath(new URL('../../data/triage/bitext-intents.csv', import.meta.url));
const SEED = 20260214;
/** Intents held out of training in the out-of-scope run: they stand for "none of my classes". */
const UNSEEN_INTENTS = ['complaint', 'review', 'newsletter_subscription', 'delivery_period', 'switch_account'];
const MIN_TIMED_MS = 1000;

interface Predictor {
  predict(text: string): { label: string; confidence: number };
}

/** One model's figures on the test split. */
export interface ModelFigures {
  trainingMs: number;
  /** CPU time of the training (user + system): steadier than wall time on a shared machine. */
  trainingCpuMs: number;
  predictionsPerSecond: number;
  /** The same per second of CPU time: what one core does when the machine is shared. */
  predictionsPerCpuSecond: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  /** With the unseen intents held out of training: out-of-scope recall and in-scope coverage at 0.5, 0.7, 0.9. */
  outOfScope: { threshold: number; outOfScopeRecall: number; inScopeCoverage: number }[];
}

export type TriageBenchResult =
  | { skipped: string }
  | { trainRows: number; testRows: number; labels: number; ours: ModelFigures; naiveBayes: ModelFigures; tenThousand: { ms: number; cpuMs: number } };

const SCALE_ROWS = 10_000;

/**
 * 10,000 training rows from the 3,612: each row again with one word left out, until there are
 * enough. Only for timing (DESIGN §4 asks for 10,000 examples in seconds); the set has no more
 * information than the original.
 */
function tenThousandRows(rows: readonly LabelledText[]): LabelledText[] {
  const out = [...rows];
  for (let i = 0; out.length < SCALE_ROWS; i++) {
    const row = rows[i % rows.length]!;
    const words = row.text.split(' ');
    words.splice((i * 7) % words.length, 1);
    out.push({ text: words.join(' '), label: row.label });
  }
  return out;
}

function score(model: Predictor, test: readonly LabelledText[], known: ReadonlySet<string>): EvaluationReport {
  return evaluatePredictions(test.map((row) => ({ truth: row.label, ...rename(model.predict(row.text)) })), known);
}

const rename = (p: { label: string; confidence: number }) => ({ predicted: p.label, confidence: p.confidence });

/** Predictions per second (wall and CPU) over the test texts, repeated until at least a second has passed. */
function throughput(model: Predictor, texts: readonly string[]): { wall: number; cpu: number } {
  let done = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < MIN_TIMED_MS) {
    for (const text of texts) model.predict(text);
    done += texts.length;
  }
  const used = process.cpuUsage(cpu);
  return { wall: done / ((performance.now() - started) / 1000), cpu: done / ((used.user + used.system) / 1e6) };
}

function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function figures(train: (rows: readonly LabelledText[]) => Predictor, split: { train: LabelledText[]; test: LabelledText[] }): ModelFigures {
  const { value: model, ms, cpuMs } = timed(() => train(split.train));
  const known = new Set(split.train.map((r) => r.label));
  const report = score(model, split.test, known);
  const seen = split.train.filter((r) => !UNSEEN_INTENTS.includes(r.label));
  const partial = train(seen);
  const oos = score(partial, split.test, new Set(seen.map((r) => r.label)));
  const rate = throughput(model, split.test.map((r) => r.text));
  return {
    trainingMs: ms,
    trainingCpuMs: cpuMs,
    predictionsPerSecond: rate.wall,
    predictionsPerCpuSecond: rate.cpu,
    accuracy: report.accuracy,
    macroF1: report.macroF1,
    ece: report.expectedCalibrationError,
    outOfScope: [0.5, 0.7, 0.9].map((threshold) => {
      const row = oos.thresholds.find((t) => Math.abs(t.threshold - threshold) < 1e-9)!;
      const answeredInScope = split.test.filter((r) => !UNSEEN_INTENTS.includes(r.label) && partial.predict(r.text).confidence >= threshold).length;
      return { threshold, outOfScopeRecall: row.outOfScopeRecall ?? 0, inScopeCoverage: answeredInScope / oos.inScope };
    }),
  };
}

/** Trains and scores both models on a seeded, label-stratified 80/20 split of the Bitext sample. */
export function benchTriage(file = BITEXT_CSV): TriageBenchResult {
  if (!existsSync(file)) return { skipped: `${file} is absent` };
  const records = parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
  const rows = records.map((r) => ({ text: r.text ?? '', label: r.intent ?? '' })).filter((r) => r.text && r.label);
  const split = splitForEvaluation(rows, 0.2, SEED);
  const ours = figures((train) => new ClassifierTraining(train).run(), split);
  const naiveBayes = figures((train) => NaiveBayes.train(train), split);
  const scale = timed(() => new ClassifierTraining(tenThousandRows(split.train)).run());
  return {
    trainRows: split.train.length, testRows: split.test.length, labels: new Set(rows.map((r) => r.label)).size, ours, naiveBayes,
    tenThousand: { ms: scale.ms, cpuMs: scale.cpuMs },
  };
}

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
const int = (v: number) => Math.round(v).toLocaleString('en-US');

/** The result as rows of the bench report, each beside its DESIGN §4 goal. */
export function triageRows(result: TriageBenchResult): ReportRow[] {
  if ('skipped' in result) return [{ id: 'triage', label: 'triage classifier', figure: '', goal: '', verdict: 'skipped', note: result.skipped }];
  const { ours, naiveBayes: nb } = result;
  return [
    { id: 'triage-accuracy', label: `triage accuracy (Bitext, ${result.labels} intents, 80/20)`, figure: `${pct(ours.accuracy)} (NB ${pct(nb.accuracy)})`,
      goal: '≥ baseline in the same run', verdict: ours.accuracy >= nb.accuracy ? 'PASS' : 'MISS',
      note: `macro-F1 ${pct(ours.macroF1)} vs ${pct(nb.macroF1)}; ECE ${ours.ece.toFixed(4)} vs ${nb.ece.toFixed(4)}` },
    { id: 'triage-training', label: `triage training (${int(result.trainRows)} examples)`, figure: `${(ours.trainingMs / 1000).toFixed(2)} s`,
      goal: '', verdict: 'info', note: `CPU ${(ours.trainingCpuMs / 1000).toFixed(2)} s; NB ${(nb.trainingMs / 1000).toFixed(2)} s` },
    { id: 'triage-training-10k', label: 'triage training (10,000 examples)', figure: `${(result.tenThousand.ms / 1000).toFixed(2)} s`,
      // Judged on CPU time: on a shared machine the wall clock measures the neighbours as much as the training.
      goal: 'in seconds (CPU < 10 s)', verdict: result.tenThousand.cpuMs < 10_000 ? 'PASS' : 'MISS', note: `CPU ${(result.tenThousand.cpuMs / 1000).toFixed(2)} s` },
    { id: 'triage-predictions', label: 'triage predictions per second (one core)', figure: int(ours.predictionsPerSecond),
      goal: '≥ 10,000/s', verdict: ours.predictionsPerSecond >= 10_000 ? 'PASS' : 'MISS',
      note: `${int(ours.predictionsPerCpuSecond)} per CPU-second; NB ${int(nb.predictionsPerSecond)}/s` },
  ];
}

function print(result: TriageBenchResult): void {
  if ('skipped' in result) {
    console.log(`triage bench skipped: ${result.skipped}`);
    return;
  }
  console.log(`Bitext sample: ${result.trainRows} train / ${result.testRows} test rows, ${result.labels} intents, seed ${SEED}`);
  const line = (name: string, f: ModelFigures) =>
    `${name.padEnd(22)} train ${(f.trainingMs / 1000).toFixed(2).padStart(6)} s (CPU ${(f.trainingCpuMs / 1000).toFixed(2)} s)  ${int(f.predictionsPerSecond).padStart(9)} pred/s (${int(f.predictionsPerCpuSecond)} per CPU-s)  accuracy ${pct(f.accuracy)}  macro-F1 ${pct(f.macroF1)}  ECE ${f.ece.toFixed(4)}`;
  console.log(line('switchboard classifier', result.ours));
  console.log(line('naive Bayes baseline', result.naiveBayes));
  console.log(`switchboard classifier on ${SCALE_ROWS.toLocaleString('en-US')} rows: ${(result.tenThousand.ms / 1000).toFixed(2)} s (CPU ${(result.tenThousand.cpuMs / 1000).toFixed(2)} s)`);
  console.log(`out of scope (${UNSEEN_INTENTS.length} intents left out of training): share of them below the threshold / share of in-scope rows still answered`);
  for (const [name, f] of [['switchboard classifier', result.ours], ['naive Bayes baseline', result.naiveBayes]] as const) {
    console.log(`${name.padEnd(22)} ${f.outOfScope.map((o) => `@${o.threshold}: ${pct(o.outOfScopeRecall)} / ${pct(o.inScopeCoverage)}`).join('   ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) print(benchTriage(process.argv[2]));
