import type { EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import { missingLanguages, type Trilingual } from '#core/i18n/trilingual.js';

export interface TranslationGap {
  entity: 'event' | 'venue' | 'room' | 'track' | 'session' | 'person' | 'organisation' | 'release';
  id: string;
  field: string;
  missing: Language[];
}

interface TextRow {
  entity: TranslationGap['entity'];
  id: string;
  field: string;
  value: Trilingual | null;
}

/**
 * Every text a guest would read in the next release, and the languages it lacks:
 * the event, its venues, rooms and tracks, and the scheduled sessions with their
 * people and host organisations. Optional texts count only when present.
 */
export async function translationGaps(manager: EntityManager, eventId: string): Promise<TranslationGap[]> {
  const rows = (await manager.query(
    `SELECT 'event' AS entity, id, 'name' AS field, name AS value FROM event WHERE id = $1
     UNION ALL SELECT 'event', id, 'city', city FROM event WHERE id = $1
     UNION ALL SELECT 'venue', id, 'name', name FROM venue WHERE event_id = $1
     UNION ALL SELECT 'venue', id, 'address', address FROM venue WHERE event_id = $1 AND address IS NOT NULL
     UNION ALL SELECT 'room', id, 'name', name FROM room WHERE event_id = $1
     UNION ALL SELECT 'track', id, 'name', name FROM track WHERE event_id = $1
     UNION ALL SELECT 'session', id, 'title', title FROM session WHERE event_id = $1 AND status = 'scheduled'
     UNION ALL SELECT 'session', id, 'theme', theme FROM session WHERE event_id = $1 AND status = 'scheduled' AND theme IS NOT NULL
     UNION ALL SELECT 'session', id, 'description', description FROM session
                WHERE event_id = $1 AND status = 'scheduled' AND description IS NOT NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'position', p.position FROM person p
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.position IS NOT NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'nameCyrillic', jsonb_build_object('ru', p.name_cyrillic) FROM person p
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.name_cyrillic IS NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'honorific', p.honorific FROM person p
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.honorific IS NOT NULL
     UNION ALL SELECT DISTINCT 'organisation', o.id, 'name', o.name FROM organisation o
                WHERE o.id IN (SELECT h.organisation_id FROM session_host h JOIN session s ON s.id = h.session_id
                                WHERE s.event_id = $1 AND s.status = 'scheduled'
                               UNION
                               SELECT p.organisation_id FROM person p JOIN session_role sr ON sr.person_id = p.id
                                 JOIN session s ON s.id = sr.session_id WHERE s.event_id = $1 AND s.status = 'scheduled')`,
    [eventId],
  )) as TextRow[];
  return rows
    .map((row) => ({
      entity: row.entity,
      id: row.id,
      field: row.field,
      // A missing Cyrillic form of a name is a gap in Russian only.
      missing: row.field === 'nameCyrillic' ? (['ru'] as Language[]) : missingLanguages(row.value),
    }))
    .filter((gap) => gap.missing.length > 0);
}

/** The release's own name and notes are public too. */
export function releaseTextGaps(release: { name: Trilingual; notes?: Trilingual | null }): TranslationGap[] {
  const gaps: TranslationGap[] = [];
  for (const [field, value] of [['name', release.name], ['notes', release.notes]] as const) {
    if (value === undefined || value === null) continue;
    const missing = missingLanguages(value);
    if (missing.length) gaps.push({ entity: 'release', id: 'new', field, missing });
  }
  return gaps;
}
