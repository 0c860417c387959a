import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { isKnownTimeZone } from '../shared/time-zone.js';
import { assertValidWorkingHours, type WorkingHours } from './working-hours.js';

const PATH = '/working_hours';

function hours(days: WorkingHours['days'], timezone = 'Europe/Paris'): WorkingHours {
  return { timezone, days };
}

/** The `details.path` of the invalid_value error the hours are refused with. */
function refusedAt(value: WorkingHours): string {
  try {
    assertValidWorkingHours(value, PATH);
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'invalid_value');
    return (error.details as { path: string }).path;
  }
  assert.fail('the working hours should have been refused');
}

describe('working hours', () => {
  it('accepts ranges in a known zone, split days, touching ranges and the end of the day', () => {
    assert.doesNotThrow(() => assertValidWorkingHours(hours({
      mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:30' }],
      fri: [{ start: '20:00', end: '24:00' }],
      sat: [],
    }), PATH));
    assert.doesNotThrow(() => assertValidWorkingHours(hours({}, 'UTC'), PATH));
  });

  it('refuses a zone the runtime does not know, at the timezone path', () => {
    assert.equal(refusedAt(hours({}, 'Mars/Olympus_Mons')), `${PATH}/timezone`);
    assert.equal(refusedAt(hours({}, '')), `${PATH}/timezone`);
    assert.equal(isKnownTimeZone('America/New_York'), true);
    assert.equal(isKnownTimeZone('Europe/Atlantis'), false);
  });

  it('refuses overlapping ranges, whatever order they are given in', () => {
    assert.equal(refusedAt(hours({ tue: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }] })), `${PATH}/days/tue`);
    assert.equal(refusedAt(hours({ wed: [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '14:00' }] })), `${PATH}/days/wed`);
    assert.equal(refusedAt(hours({ thu: [{ start: '08:00', end: '18:00' }, { start: '10:00', end: '11:00' }] })), `${PATH}/days/thu`);
  });

  it('refuses a range that ends before it starts, or when it starts, naming the range', () => {
    assert.equal(refusedAt(hours({ mon: [{ start: '08:00', end: '09:00' }, { start: '17:00', end: '09:00' }] })), `${PATH}/days/mon/1`);
    assert.equal(refusedAt(hours({ sun: [{ start: '10:00', end: '10:00' }] })), `${PATH}/days/sun/0`);
  });

  it('refuses times that are not HH:MM within the day', () => {
    for (const [start, end] of [['9:00', '17:00'], ['09:00', '24:30'], ['25:00', '26:00'], ['09:60', '10:00'], ['0900', '1000']]) {
      assert.equal(refusedAt(hours({ mon: [{ start: start!, end: end! }] })), `${PATH}/days/mon/0`, `${start}–${end}`);
    }
  });
});
