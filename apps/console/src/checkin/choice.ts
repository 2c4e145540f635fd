import type { Trilingual } from '../shared/trilingual';

/**
 * The edition and list this phone works on, kept in localStorage so a reload (offline too) opens the same door at
 * once. Names only, no personal data.
 */
export interface DoorChoice {
  eventId: string;
  eventName: Trilingual;
  timeZone: string;
  listId: string;
  listName: Trilingual;
}

const KEY = 'sco-checkin-choice';
const KIOSK_KEY = 'sco-checkin-kiosk';

export function loadChoice(): DoorChoice | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as DoorChoice | null;
    return value?.listId ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveChoice(choice: DoorChoice | undefined): void {
  if (choice) localStorage.setItem(KEY, JSON.stringify(choice));
  else localStorage.removeItem(KEY);
}

/** Kiosk mode survives a reload: the page stays locked until a staff member's password opens it. */
export function kioskLocked(): boolean {
  return localStorage.getItem(KIOSK_KEY) === '1';
}

export function setKioskLocked(locked: boolean): void {
  if (locked) localStorage.setItem(KIOSK_KEY, '1');
  else localStorage.removeItem(KIOSK_KEY);
}
