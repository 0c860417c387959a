// Writes a generated call log (docs/simulator.md, "A walk"): node scripts/make-call-log.mjs OUT.csv [DAYS] [SEED].
// Needs `npm run build` first; the centre it comes from is exampleCentre in src/domain/simulator/calibration.
import { createWriteStream } from 'node:fs';
import { generateCallLog } from '../dist/src/domain/simulator/calibration/call-log-generator.js';
import { exampleCentre } from '../dist/src/domain/simulator/calibration/example-centre.js';

const [out, days = '28', seed = '1'] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/make-call-log.mjs OUT.csv [DAYS] [SEED]');
  process.exit(2);
}
const iso = (ms) => (ms === null ? '' : new Date(ms).toISOString());
const file = createWriteStream(out);
file.write('arrival,queue_start,queue_end,answer,end,after_call_end,outcome,agent,priority,type\n');
let calls = 0;
for (const call of generateCallLog(exampleCentre(Date.UTC(2026, 1, 2), Number(days), Number(seed)))) {
  const row = [iso(call.arrival), iso(call.arrival), iso(call.queueEnd), iso(call.answer), iso(call.end), iso(call.afterCallEnd), call.outcome, call.agent ?? '', 'normal', call.type];
  if (!file.write(`${row.join(',')}\n`)) await new Promise((resolve) => file.once('drain', resolve));
  calls++;
}
file.end();
console.log(`${calls} calls written to ${out}`);
