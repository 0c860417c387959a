import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from '../../shared/seeded-random.js';
import { samplerFor, type DistributionDocument } from '../distributions.js';
import { CALL_LOG_PRESETS, readCall } from './call-log-mapping.js';
import { DurationSample } from './duration-fit.js';
import { PatienceSample } from './kaplan-meier.js';

function fitOf(document: DistributionDocument, draws = 20_000) {
  const sample = new DurationSample();
  const draw = samplerFor(document, new SeededRandom(3));
  for (let i = 0; i < draws; i++) sample.add(draw());
  return sample.fit()!;
}

describe('calibration statistics', () => {
  it('estimates patience by Kaplan–Meier: answered callers are censored, still at risk at their own wait', () => {
    const sample = new PatienceSample();
    for (const [wait, abandoned] of [[1, true], [2, false], [3, true], [3, true], [5, false]] as const) sample.add(wait, abandoned);
    const estimate = sample.estimate()!;
    assert.deepEqual(estimate.steps.map((s) => [s.t_s, s.at_risk, s.abandoned]), [[1, 5, 1], [3, 3, 2]]);
    assert.equal(estimate.steps[0]!.survival, 0.8);
    assert.ok(Math.abs(estimate.steps[1]!.survival - 0.8 / 3) < 1e-12);
    assert.equal(estimate.exponential_mean_s, 14 / 3, 'time waited by all over abandonments');
    assert.equal(estimate.median_s, 3);
    const samples = estimate.distribution.samples_s!;
    assert.equal(samples.filter((x) => x === 1).length, 200, 'a fifth of the quantiles at the first step');
    assert.ok(samples[samples.length - 1]! > 5, 'past the last observed wait, the exponential tail');
  });

  it('recovers exponential patience from censored waits', () => {
    const patience = samplerFor({ dist: 'exponential', mean_s: 120 }, new SeededRandom(5));
    const wait = samplerFor({ dist: 'exponential', mean_s: 60 }, new SeededRandom(6));
    const sample = new PatienceSample();
    for (let i = 0; i < 50_000; i++) {
      const p = patience();
      const w = wait();
      sample.add(Math.min(p, w), p < w);
    }
    const estimate = sample.estimate()!;
    assert.ok(Math.abs(estimate.exponential_mean_s / 120 - 1) < 0.03, `${estimate.exponential_mean_s}`);
    assert.ok(Math.abs(estimate.median_s! / (120 * Math.LN2) - 1) < 0.05, `${estimate.median_s}`);
  });

  it('fits handle times by maximum likelihood and picks the family by the lowest AIC', () => {
    const gamma = fitOf({ dist: 'gamma', mean_s: 300, sd_s: 150 });
    assert.equal(gamma.chosen.dist, 'gamma');
    assert.ok(Math.abs(gamma.chosen.mean_s! / 300 - 1) < 0.02 && Math.abs(gamma.chosen.sd_s! / 150 - 1) < 0.03, JSON.stringify(gamma.chosen));
    const lognormal = fitOf({ dist: 'lognormal', mean_s: 200, sd_s: 300 });
    assert.equal(lognormal.chosen.dist, 'lognormal');
    assert.ok(Math.abs(lognormal.chosen.mean_s! / 200 - 1) < 0.05, JSON.stringify(lognormal.chosen));
    assert.equal(fitOf({ dist: 'exponential', mean_s: 90 }).chosen.dist, 'exponential');
    assert.equal(gamma.empirical.samples_s!.length, 2000, 'a bounded empirical sample is kept');
  });

  it('reads the bank log\'s rows: dates as yymmdd, times of day, never-queued calls, times past midnight', () => {
    const header = ['vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date', 'vru_entry', 'vru_exit', 'vru_time', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server'];
    const row = (cells: string) => {
      const values = cells.split(',');
      return readCall(CALL_LOG_PRESETS['bank-vru']!, (column) => values[header.indexOf(column)]!);
    };
    const answered = row('AA0101,33116,9664491,2,PS,990901,11:45:33,11:45:39,6,11:45:39,11:46:58,79,AGENT,11:46:57,11:51:00,243,DORIT');
    assert.ok('call' in answered);
    assert.equal(answered.call.arrivedAt, Date.UTC(1999, 8, 1, 11, 45, 39));
    assert.equal(answered.call.waitS, 78);
    assert.equal(answered.call.serviceS, 243);
    assert.deepEqual([answered.call.priority, answered.call.type, answered.call.agent], ['high', 'PS', 'DORIT']);
    assert.deepEqual(row('AA0101,33117,0,0,PS,990901,14:40:56,14:41:02,6,0:00:00,0:00:00,0,HANG,0:00:00,0:00:00,0,NO_SERVER'), { skipped: 'not_queued' });
    const direct = row('AA0101,33118,0,1,NW,990901,14:41:02,14:41:08,6,0:00:00,0:00:00,0,AGENT,14:41:08,14:44:10,182,MICHAL');
    assert.ok('call' in direct && direct.call.waitS === 0);
    const late = row('AA0101,33119,0,1,NW,990901,23:59:50,23:59:56,6,23:59:56,0:00:40,44,HANG,0:00:00,0:00:00,0,NO_SERVER');
    assert.ok('call' in late && late.call.outcome === 'abandoned' && late.call.waitS === 44);
    assert.deepEqual(row('AA0101,33120,0,1,NW,990901,10:00:00,10:00:06,6,10:00:06,10:00:10,4,PHANTOM,0:00:00,0:00:00,0,NO_SERVER'), { skipped: 'other_outcome' });
    assert.ok('error' in row('AA0101,33121,0,1,NW,991341,10:00:00,10:00:06,6,10:00:06,10:00:10,4,HANG,0:00:00,0:00:00,0,NO_SERVER'));
  });
});
