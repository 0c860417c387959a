/** Promises "HH:MM" for a time of day "H:MM" or "HH:MM" plus `minutes`, wrapping at midnight; null when `start` is not one. */
export function timeOfDayAfter(start: string, minutes: number): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(start);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  const total = ((((Number(match[1]) * 60 + Number(match[2]) + minutes) % 1440) + 1440) % 1440);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
