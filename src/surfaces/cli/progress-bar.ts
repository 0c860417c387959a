import type { SourceRecord } from '../records/source-record.js';
import cliProgress from 'cli-progress';

/** Where a long command has got to. */
export interface Progress {
  /** `done` is the share of the work done, 0…1; `rows` how many units so far. */
  update(done: number, rows: number): void;
  stop(): void;
}

const STEPS = 1000;

/** A bar on stderr when a person is watching it (a TTY); otherwise nothing, so logs stay clean. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'rows'): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% | {rows} ${unit}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(STEPS, 0, { rows: 0 });
  return {
    update: (done, rows) => bar.update(Math.round(done * STEPS), { rows }),
    stop: () => bar.stop(),
  };
}

/** Passes records through, moving the bar to each one's place in the file. */
export async function* trackedRecords(records: AsyncIterable<SourceRecord>, progress: Progress): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    progress.update(record.done, record.row);
    yield record;
  }
}
