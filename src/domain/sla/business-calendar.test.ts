import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { BusinessCalendar, CALENDAR_TIME, addBusinessMinutes, businessMinutesBetween } from './business-calendar.js';
import type { BusinessHoursDocument } from './business-hours.js';

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const WEEKDAYS_9_17: BusinessHoursDocument['weekly'] = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE };

function calendar(timeZone: string, weekly = WEEKDAYS_9_17, holidays: BusinessHoursDocument['holidays'] = []): BusinessCalendar {
  return new BusinessCalendar({ timeZone, weekly, holidays });
}

/** An instant from a local wall-clock time, e.g. at('2024-03-08T16:00', 'Europe/Stockholm'). */
function at(local: string, zone: string): number {
  return DateTime.fromISO(local, { zone }).toMillis();
}

function local(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('business calendar', () => {
  const zone = 'Europe/Stockholm';

  it('carries a 4-hour target opened Friday 16:00 over the weekend to Monday 12:00', () => {
    const cal = calendar(zone);
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-08T16:00', zone), 240), zone), '2024-03-11T12:00');
  });

  it('ends a target exactly at closing time rather than at the next opening', () => {
    const cal = calendar(zone);
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-11T13:00', zone), 240), zone), '2024-03-11T17:00');
  });

  it('starts counting at opening time when the clock starts outside business hours', () => {
    const cal = calendar(zone);
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-09T11:00', zone), 30), zone), '2024-03-11T09:30');
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-11T07:00', zone), 0), zone), '2024-03-11T07:00');
  });

  it('keeps 09:00 at 09:00 across both daylight-saving changes', () => {
    const cal = calendar(zone);
    // Spring forward on Sunday 31 March 2024; fall back on Sunday 27 October 2024.
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-29T16:00', zone), 240), zone), '2024-04-01T12:00');
    assert.equal(local(addBusinessMinutes(cal, at('2024-10-25T16:00', zone), 240), zone), '2024-10-28T12:00');
    assert.equal(businessMinutesBetween(cal, at('2024-03-29T16:00', zone), at('2024-04-01T12:00', zone)), 240);
    assert.equal(businessMinutesBetween(cal, at('2024-10-25T16:00', zone), at('2024-10-28T12:00', zone)), 240);
  });

  it('counts the 23- and 25-hour days of daylight saving when the hours run around the clock', () => {
    const cal = calendar(zone, { sun: [{ start: '00:00', end: '24:00' }] });
    assert.equal(businessMinutesBetween(cal, at('2024-03-31T00:00', zone), at('2024-04-01T00:00', zone)), 23 * 60);
    assert.equal(businessMinutesBetween(cal, at('2024-10-27T00:00', zone), at('2024-10-28T00:00', zone)), 25 * 60);
    assert.equal(local(addBusinessMinutes(cal, at('2024-03-31T01:00', zone), 120), zone), '2024-03-31T04:00');
    assert.equal(local(addBusinessMinutes(cal, at('2024-10-27T01:00', zone), 180), zone), '2024-10-27T03:00');
  });

  it('skips holidays', () => {
    const cal = calendar(zone, WEEKDAYS_9_17, [{ date: '2024-12-24', name: 'Julafton' }, { date: '2024-12-25', name: 'Juldagen' }, { date: '2024-12-26', name: null }]);
    assert.equal(local(addBusinessMinutes(cal, at('2024-12-23T16:00', zone), 120), zone), '2024-12-27T10:00');
    assert.equal(businessMinutesBetween(cal, at('2024-12-23T00:00', zone), at('2024-12-28T00:00', zone)), 16 * 60);
  });

  it('handles split days and zones far from UTC', () => {
    const cal = calendar('Pacific/Auckland', { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] });
    const monday = at('2024-06-03T11:00', 'Pacific/Auckland');
    assert.equal(local(addBusinessMinutes(cal, monday, 120), 'Pacific/Auckland'), '2024-06-03T14:00');
    assert.equal(local(addBusinessMinutes(cal, monday, 8 * 60), 'Pacific/Auckland'), '2024-06-10T11:00');
  });

  it('agrees with itself: adding then measuring gives the minutes back', () => {
    const cal = calendar('America/New_York', { ...WEEKDAYS_9_17, sat: [{ start: '10:00', end: '14:00' }] }, [{ date: '2024-11-28', name: 'Thanksgiving' }]);
    let from = at('2024-10-30T08:17', 'America/New_York');
    for (let i = 0; i < 200; i++) {
      const minutes = (i * 97) % 3000 + 1;
      const due = addBusinessMinutes(cal, from, minutes);
      assert.equal(businessMinutesBetween(cal, from, due), minutes);
      from += 3 * 3_600_000 + 17 * 60_000;
    }
  });

  it('answers long sums quickly (whole days, cached)', () => {
    const cal = calendar(zone);
    const first = at('2024-01-01T10:00', zone);
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) addBusinessMinutes(cal, first + i * 600_000, 10 * 480);
    assert.ok(performance.now() - start < 2000, 'twenty thousand ten-day sums take well under two seconds');
  });

  it('counts every minute in calendar time', () => {
    assert.equal(CALENDAR_TIME.add(1000, 60_000), 61_000);
    assert.equal(CALENDAR_TIME.between(61_000, 1000), 0);
  });
});
