import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Comment } from '../ticket/comment.js';
import { createTicket } from '../ticket/ticket-changes.js';
import type { Ticket } from '../ticket/ticket.js';
import { BusinessCalendar, CALENDAR_TIME } from './business-calendar.js';
import { advanceSla } from './sla-engine.js';
import type { SlaPolicy, SlaTargets } from './sla-policy.js';
import type { SlaMetric, SlaMetricState } from './sla-state.js';
import { applySlaTimer } from './sla-timers.js';

const ZONE = 'Europe/Stockholm';
const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const OFFICE = new BusinessCalendar({
  timeZone: ZONE,
  weekly: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  holidays: [{ date: '2024-12-25', name: 'Juldagen' }],
});
const calendarOf = (id: string | null) => (id === 'office' ? OFFICE : CALENDAR_TIME);

const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const local = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm"));

function policy(targets: SlaTargets, id = 'slp_a'): SlaPolicy {
  return { id, workspaceId: 'ws', name: id, position: 0, condition: 'true', warnFraction: 0.75, targets, version: 1, createdAt: 0, updatedAt: 0 };
}

const office = (minutes: number) => ({ minutes, businessHoursId: 'office' });
const calendar = (minutes: number) => ({ minutes, businessHoursId: null });

/** Drives one ticket through changes on a fixed clock, the way the commands do. */
class Scenario {
  ticket: Ticket;

  constructor(opens: string, private policyInForce: SlaPolicy) {
    this.ticket = createTicket({ title: 'SLA' }, 'tkt_1', 'ws', at(opens));
    this.step(null, this.ticket, null, at(opens));
  }

  change(when: string, patch: Partial<Ticket>, policyInForce = this.policyInForce): this {
    this.policyInForce = policyInForce;
    return this.step(this.ticket, { ...this.ticket, ...patch }, null, at(when));
  }

  comment(when: string, authorKind: Comment['authorKind'], visibility: Comment['visibility'] = 'public'): this {
    const now = at(when);
    const comment: Comment = { id: 'cmt', workspaceId: 'ws', ticketId: 'tkt_1', visibility, authorKind, authorId: null, authorName: null, body: '', createdAt: now };
    const firstResponseAt = this.ticket.firstResponseAt ?? (authorKind === 'agent' && visibility === 'public' ? now : null);
    const status = this.ticket.status === 'pending' && authorKind === 'customer' && visibility === 'public' ? 'in_progress' : this.ticket.status;
    return this.step(this.ticket, { ...this.ticket, firstResponseAt, status }, comment, now);
  }

  clock(metric: SlaMetric): SlaMetricState | undefined {
    return this.ticket.sla?.metrics.find((m) => m.metric === metric);
  }

  timers: string[] = [];

  private step(before: Ticket | null, after: Ticket, comment: Comment | null, now: number): this {
    const outcome = advanceSla({ before, after, comment, policy: this.policyInForce, calendarOf, now });
    this.timers.push(...outcome.timers.map((t) => `${t.kind} ${t.metric} ${local(t.dueAt)}`));
    this.ticket = { ...after, sla: outcome.state };
    return this;
  }
}

describe('SLA clocks', () => {
  it('a 4-business-hour target opened Friday 16:00 on 09:00–17:00 is due Monday 12:00, warned Monday 11:00', () => {
    const s = new Scenario('2024-03-08T16:00', policy({ normal: { resolution: office(240) } }));
    assert.equal(local(s.clock('resolution')!.dueAt), '2024-03-11T12:00');
    assert.deepEqual(s.timers, ['sla_warning resolution 2024-03-11T11:00', 'sla_breach resolution 2024-03-11T12:00']);
  });

  it('pending pauses resolution and keeps the time left; resuming moves the due time and re-arms the timers', () => {
    const s = new Scenario('2024-03-11T09:00', policy({ normal: { resolution: office(240) } }));
    s.change('2024-03-11T10:00', { status: 'pending' });
    assert.deepEqual([s.clock('resolution')!.dueAt, s.clock('resolution')!.remainingMs], [null, 180 * 60_000]);
    s.comment('2024-03-12T16:00', 'customer');
    assert.equal(s.ticket.status, 'in_progress');
    assert.equal(local(s.clock('resolution')!.dueAt), '2024-03-13T11:00');
    assert.deepEqual(s.timers.slice(2), ['sla_warning resolution 2024-03-13T10:00', 'sla_breach resolution 2024-03-13T11:00']);
  });

  it('counts across daylight-saving weeks in both directions and skips holidays', () => {
    const spring = new Scenario('2024-03-29T16:00', policy({ normal: { resolution: office(240) } }));
    assert.equal(local(spring.clock('resolution')!.dueAt), '2024-04-01T12:00');
    const autumn = new Scenario('2024-10-25T16:00', policy({ normal: { resolution: office(240) } }));
    assert.equal(local(autumn.clock('resolution')!.dueAt), '2024-10-28T12:00');
    const christmas = new Scenario('2024-12-24T16:00', policy({ normal: { resolution: office(240) } }));
    assert.equal(local(christmas.clock('resolution')!.dueAt), '2024-12-26T12:00');
  });

  it('a policy change mid-way keeps the time run, counted in the new policy\'s hours', () => {
    const s = new Scenario('2024-03-11T16:00', policy({ normal: { resolution: calendar(24 * 60) } }));
    assert.equal(local(s.clock('resolution')!.dueAt), '2024-03-12T16:00');
    s.change('2024-03-12T10:00', { tags: ['vip'] }, policy({ normal: { resolution: office(180) } }, 'slp_vip'));
    const clock = s.clock('resolution')!;
    assert.deepEqual([s.ticket.sla!.policyId, local(clock.startedAt), local(clock.dueAt)], ['slp_vip', '2024-03-11T16:00', '2024-03-12T11:00']);
  });

  it('a priority without a target drops a running clock but keeps a met one', () => {
    const s = new Scenario('2024-03-11T09:00', policy({ normal: { first_response: calendar(60), resolution: calendar(600) }, low: { first_response: calendar(60) } }));
    s.comment('2024-03-11T09:10', 'agent').change('2024-03-11T09:20', { priority: 'low' });
    assert.deepEqual(s.ticket.sla!.metrics.map((m) => m.metric), ['first_response']);
    assert.equal(local(s.clock('first_response')!.fulfilledAt), '2024-03-11T09:10');
  });

  it('resolving meets every clock; a met-late clock still has its due time for the breach timer', () => {
    const s = new Scenario('2024-03-11T09:00', policy({ normal: { first_response: calendar(30), resolution: calendar(120) } }));
    s.change('2024-03-11T10:00', { status: 'resolved' });
    const first = s.clock('first_response')!;
    const resolution = s.clock('resolution')!;
    assert.deepEqual([local(first.fulfilledAt), local(first.dueAt)], ['2024-03-11T10:00', '2024-03-11T09:30']);
    assert.deepEqual([local(resolution.fulfilledAt), resolution.dueAt, resolution.remainingMs], ['2024-03-11T10:00', null, 60 * 60_000]);
  });

  it('a fired timer records its warning or breach once; a stale or repeated one does nothing', () => {
    const s = new Scenario('2024-03-11T09:00', policy({ normal: { resolution: calendar(60) } }));
    const ref = `resolution#1@${at('2024-03-11T10:00')}`;
    const hit = applySlaTimer(s.ticket.sla, 'sla_breach', ref);
    assert.equal(local(hit!.clock.breachedAt), '2024-03-11T10:00');
    assert.equal(applySlaTimer(hit!.state, 'sla_breach', ref), null);
    assert.equal(applySlaTimer(hit!.state, 'sla_warning', `resolution#1@${at('2024-03-11T09:45')}`), null, 'no warning after the breach');
    assert.equal(applySlaTimer(s.ticket.sla, 'sla_breach', `resolution#1@${at('2024-03-11T11:00')}`), null, 'another due time is stale');
    assert.equal(applySlaTimer(s.ticket.sla, 'sla_breach', `resolution#2@${at('2024-03-11T10:00')}`), null, 'another cycle is stale');
  });

  it('an odd warning share still gives whole milliseconds, as timers store them', () => {
    const s = new Scenario('2024-03-11T09:00', { ...policy({ normal: { resolution: office(7) } }), warnFraction: 0.123457 });
    const clock = s.clock('resolution')!;
    assert.ok(Number.isInteger(clock.warnAt) && Number.isInteger(clock.dueAt));
    assert.ok(clock.warnAt! >= at('2024-03-11T09:00') + 0.123457 * 7 * 60_000);
  });

  it('no policy, no SLA', () => {
    const ticket = createTicket({ title: 'x' }, 'tkt_2', 'ws', at('2024-03-11T09:00'));
    assert.deepEqual(advanceSla({ before: null, after: ticket, comment: null, policy: null, calendarOf, now: ticket.createdAt }), { state: null, timers: [] });
  });
});
