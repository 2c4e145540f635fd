// The day grid's scale: minutes of the event's wall clock to pixels. Kept apart from the components so the
// drag arithmetic (snap, clamp, minimum length) is one place.

/** Every drag snaps to this many minutes. */
export const SNAP_MINUTES = 15;
/** Pixels per minute: an hour is 60px high. */
export const PX_PER_MINUTE = 1;
/** The rows shown by default (07:00–21:00); a day with sessions outside stretches to include them. */
export const DEFAULT_FROM = 7 * 60;
export const DEFAULT_TO = 21 * 60;
/** A new session drawn by a click without a drag lasts an hour. */
export const DEFAULT_LENGTH = 60;

export function snap(minutes: number): number {
  return Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
}

export function clamp(minutes: number, from: number, to: number): number {
  return Math.min(Math.max(minutes, from), to);
}

/** The minute of day under a pixel offset from the grid's top, snapped and kept inside the shown hours. */
export function minuteAt(offsetY: number, from: number, to: number): number {
  return clamp(snap(from + offsetY / PX_PER_MINUTE), from, to);
}

/** The start and end of a range drawn between two minutes, in either direction, at least one snap long. */
export function drawnRange(a: number, b: number): { start: number; end: number } {
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end - start < SNAP_MINUTES ? { start, end: start + DEFAULT_LENGTH } : { start, end };
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
