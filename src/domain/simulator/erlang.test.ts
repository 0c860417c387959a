import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erlangA, erlangC } from './erlang.js';

const close = (actual: number, expected: number, digits: number) => assert.equal(actual.toFixed(digits), expected.toFixed(digits));

describe('Erlang formulas', () => {
  it('Erlang C gives the textbook figures: 360 calls per 30 min, 240 s handle time, 55 and 54 agents', () => {
    const rate = 360 / 1800;
    const fiftyFive = erlangC(rate, 240, 55, 20);
    close(fiftyFive.pWait, 0.2387, 4);
    close(fiftyFive.asaS, 8.18, 2);
    close(fiftyFive.serviceLevel!, 0.867, 3);
    const fiftyFour = erlangC(rate, 240, 54, 20);
    close(fiftyFour.pWait, 0.3013, 4);
    close(fiftyFour.asaS, 12.05, 2);
    close(fiftyFour.serviceLevel!, 0.817, 3);
  });

  it('Erlang C has no steady state when the load reaches the agents', () => {
    assert.equal(erlangC(1, 10, 10, 20).asaS, Infinity);
  });

  it('Erlang A tends to Erlang C as patience grows, and abandonment rises as it shrinks', () => {
    const c = erlangC(0.2, 240, 55, 20);
    const patient = erlangA(0.2, 240, 55, 1e9, 20);
    close(patient.pWait, c.pWait, 4);
    close(patient.asaS, c.asaS, 2);
    close(patient.serviceLevel!, c.serviceLevel!, 4);
    const impatient = erlangA(0.2, 240, 50, 60);
    const lessImpatient = erlangA(0.2, 240, 50, 600);
    assert.ok(impatient.abandonment! > lessImpatient.abandonment!);
    assert.ok(impatient.serviceLevel === null, 'no threshold, no service level');
    // Callers who hang up early shorten the queue: more are answered in time than without patience.
    assert.ok(erlangA(0.2, 240, 50, 180, 20).serviceLevel! > erlangC(0.2, 240, 51, 20).serviceLevel!);
    // Overloaded (48 erlangs on 45 agents) is stable with abandonment: the excess leaves.
    const overloaded = erlangA(0.2, 240, 45, 120);
    assert.ok(overloaded.abandonment! > (48 - 45) / 48 * 0.9 && overloaded.abandonment! < 0.2, String(overloaded.abandonment));
  });
});
