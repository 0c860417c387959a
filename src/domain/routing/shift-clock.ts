import type { Weekday, WorkingHours } from '../agent/working-hours.js';

interface LocalMinute {
  day: Weekday;
  minute: number;
}

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/**
 * Answers "is this agent inside their working hours now?" for many agents at once. Local time is
 * computed once per time zone and minute (Intl is slow, agents share few zones).
 */
export class ShiftClock {
  private readonly formats = new Map<string, Intl.DateTimeFormat>();
  private readonly cache = new Map<string, LocalMinute>();
  private cacheMinute = -1;

  /** True when `now` falls inside one of the agent's ranges; no hours means always on. */
  isOnShift(hours: WorkingHours | null, now: number): boolean {
    if (!hours) return true;
    const local = this.localMinute(hours.timezone, now);
    const ranges = hours.days[local.day];
    if (!ranges) return false;
    for (const range of ranges) {
      if (local.minute >= toMinutes(range.start) && local.minute < toMinutes(range.end)) return true;
    }
    return false;
  }

  private localMinute(zone: string, now: number): LocalMinute {
    const minute = Math.floor(now / 60_000);
    if (minute !== this.cacheMinute) {
      this.cache.clear();
      this.cacheMinute = minute;
    }
    let local = this.cache.get(zone);
    if (!local) {
      local = this.compute(zone, now);
      this.cache.set(zone, local);
    }
    return local;
  }

  private compute(zone: string, now: number): LocalMinute {
    let format = this.formats.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      this.formats.set(zone, format);
    }
    const parts = format.formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
    return { day: WEEKDAY_OF[part('weekday')] ?? 'mon', minute: Number(part('hour')) * 60 + Number(part('minute')) };
  }
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
