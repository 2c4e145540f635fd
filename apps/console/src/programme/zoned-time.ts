import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// The api speaks UTC instants; organisers think in the event's wall clock (Beijing time for a Chinese edition),
// whatever zone their own computer is in. Every conversion of the timetable goes through these functions, so the
// browser's zone never leaks into what is shown or written.
dayjs.extend(utc);
dayjs.extend(timezone);

/** A moment as the event's clocks show it: the day (YYYY-MM-DD) and the time of day (HH:mm). */
export interface WallClock {
  day: string;
  time: string;
}

export function wallClockOf(instant: string, zone: string): WallClock {
  const local = dayjs(instant).tz(zone);
  return { day: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}

/** Minutes since the event day's midnight: the timetable's row position. */
export function minutesOfDay(instant: string, zone: string): number {
  const local = dayjs(instant).tz(zone);
  return local.hour() * 60 + local.minute();
}

/** The UTC instant (ISO, as the api takes it) of a wall-clock time on an event day. */
export function instantOf(day: string, time: string, zone: string): string {
  return dayjs.tz(`${day}T${time}:00`, zone).toISOString();
}

/** The instant a number of minutes after an event day's midnight (a drop or resize position on the grid). */
export function instantAtMinutes(day: string, minutes: number, zone: string): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return instantOf(day, `${hh}:${mm}`, zone);
}

/** The event's days from its first to its last, inclusive: the timetable's day tabs. */
export function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let day = dayjs.utc(startsOn); !day.isAfter(dayjs.utc(endsOn)); day = day.add(1, 'day')) {
    days.push(day.format('YYYY-MM-DD'));
  }
  return days;
}
