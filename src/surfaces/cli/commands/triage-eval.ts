import type { Command } from 'commander';
import { splitForEvaluation, trainAndEvaluate, DEFAULT_CLASSIFIER_OPTIONS, type LabelledText } from '../../../domain/triage/classifier/index.js';
import { presentEvaluation } from '../../wire/triage/triage-presenter.js';
import { formatEvaluation } from '../evaluation-table.js';
import { readLabelledCsv } from '../labelled-csv.js';
import { progressBar } from '../progress-bar.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';

interface EvalFlags {
  data?: string;
  train?: string;
  test?: string;
  text: string;
  label: string;
  testSplit: string;
  seed: string;
  targetPrecision: string;
  json?: boolean;
}

function numberFlag(value: string, name: string, min: number, max: number, integer = false): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) usageError(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; got "${value}".`);
  return n;
}

/** The train and test rows the flags name: one file split by label, or two files. */
function datasets(flags: EvalFlags, seed: number): { train: LabelledText[]; test: LabelledText[] } {
  if (flags.data && (flags.train || flags.test)) usageError('Give either --data FILE or --train FILE --test FILE, not both.');
  if (flags.data) {
    const split = splitForEvaluation(readLabelledCsv(flags.data, flags.text, flags.label), numberFlag(flags.testSplit, 'test-split', 0.01, 0.99), seed);
    if (split.test.length === 0) usageError(`${flags.data} is too small to hold out a test split; give more rows or --train and --test.`);
    return split;
  }
  if (!flags.train || !flags.test) usageError('Give --data FILE, or both --train FILE and --test FILE.');
  return { train: readLabelledCsv(flags.train, flags.text, flags.label), test: readLabelledCsv(flags.test, flags.text, flags.label) };
}

/**
 * `switchboard triage eval`: trains the triage classifier on labelled texts from CSV and prints how
 * it does on held-out rows; touches no database. Exit 2 on misuse or unreadable data.
 */
export function registerTriageEval(triage: Command): void {
  exitTwoOnUsageError(triage.command('eval'))
    .description('train the classifier on a CSV file and report accuracy, macro-F1, calibration and thresholds on held-out rows')
    .option('--data <file>', 'one CSV file, split into train and test by --test-split')
    .option('--train <file>', 'CSV file to train on (with --test)')
    .option('--test <file>', 'CSV file to test on; labels absent from --train count as out-of-scope')
    .requiredOption('--text <column>', 'column holding the text')
    .requiredOption('--label <column>', 'column holding the label')
    .option('--test-split <share>', 'share of each label held out for testing with --data', '0.2')
    .option('--seed <n>', 'seed of the split and of training', '1')
    .option('--target-precision <p>', 'precision the suggested threshold must reach', '0.9')
    .option('--json', 'print the report as one JSON object')
    .action((flags: EvalFlags) => {
      const seed = numberFlag(flags.seed, 'seed', 0, 2 ** 31 - 1, true);
      const targetPrecision = numberFlag(flags.targetPrecision, 'target-precision', 0, 1);
      const { train, test } = datasets(flags, seed);
      if (new Set(train.map((r) => r.label)).size < 2) usageError('The training rows need at least two labels.');
      const options = { ...DEFAULT_CLASSIFIER_OPTIONS, training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, seed } };
      const progress = progressBar('training');
      const started = performance.now();
      const { classifier, report } = trainAndEvaluate(train, test, {
        classifier: options, targetPrecision, onProgress: (done) => progress.update(done, train.length),
      });
      progress.stop();
      const meta = {
        train_examples: train.length, test_examples: test.length, labels: classifier.labels.length,
        training_ms: Math.round(performance.now() - started), temperature: Math.round(classifier.temperature * 10_000) / 10_000,
      };
      const presented = presentEvaluation(report);
      if (flags.json) return console.log(JSON.stringify({ ...meta, ...presented }));
      console.log(formatEvaluation(presented,
        `trained on ${meta.train_examples} rows (${meta.labels} labels) in ${(meta.training_ms / 1000).toFixed(1)} s; temperature ${meta.temperature}`));
    });
}
