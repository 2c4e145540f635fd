import type { EntityManager } from 'typeorm';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { missingLanguages, type Trilingual } from '#core/i18n/trilingual.js';

export interface TranslationGap {
  entity: 'event' | 'venue' | 'room' | 'track' | 'session' | 'person' | 'organisation' | 'release';
  id: string;
  field: string;
  missing: Language[];
  /**
   * What the record is called, in the languages it has (a session's title, a person's names as shown in each
   * language, anyone else's name), so that a translator knows which record to open without looking its id up.
   */
  label: Trilingual;
}

interface TextRow {
  entity: TranslationGap['entity'];
  id: string;
  field: string;
  value: Trilingual | null;
  label: Trilingual | null;
}

/** Only the languages a text has: an empty string is no text. */
function presentOnly(value: Trilingual | null | undefined): Trilingual {
  const missing = missingLanguages(value);
  return Object.fromEntries(LANGUAGES.filter((language) => !missing.includes(language)).map((language) => [language, value![language]]));
}

/**
 * Every text a guest would read in the next release, and the languages it lacks:
 * the event, its venues, rooms and tracks, and the scheduled sessions with their
 * people and host organisations. Optional texts count only when present.
 */
export async function translationGaps(manager: EntityManager, eventId: string): Promise<TranslationGap[]> {
  const rows = (await manager.query(
    // Each text with the record's own name or title (a person's names by the language they are shown in).
    `WITH person_label AS (
       SELECT id, jsonb_strip_nulls(jsonb_build_object('zh', name_native, 'en', name_latin, 'ru', name_cyrillic)) AS label FROM person
     )
     SELECT 'event' AS entity, id, 'name' AS field, name AS value, name AS label FROM event WHERE id = $1
     UNION ALL SELECT 'event', id, 'city', city, name FROM event WHERE id = $1
     UNION ALL SELECT 'venue', id, 'name', name, name FROM venue WHERE event_id = $1
     UNION ALL SELECT 'venue', id, 'address', address, name FROM venue WHERE event_id = $1 AND address IS NOT NULL
     UNION ALL SELECT 'room', id, 'name', name, name FROM room WHERE event_id = $1
     UNION ALL SELECT 'track', id, 'name', name, name FROM track WHERE event_id = $1
     UNION ALL SELECT 'session', id, 'title', title, title FROM session WHERE event_id = $1 AND status = 'scheduled'
     UNION ALL SELECT 'session', id, 'theme', theme, title FROM session WHERE event_id = $1 AND status = 'scheduled' AND theme IS NOT NULL
     UNION ALL SELECT 'session', id, 'description', description, title FROM session
                WHERE event_id = $1 AND status = 'scheduled' AND description IS NOT NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'position', p.position, pl.label FROM person p JOIN person_label pl ON pl.id = p.id
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.position IS NOT NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'nameCyrillic', jsonb_build_object('ru', p.name_cyrillic), pl.label FROM person p
                JOIN person_label pl ON pl.id = p.id
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.name_cyrillic IS NULL
     UNION ALL SELECT DISTINCT 'person', p.id, 'honorific', p.honorific, pl.label FROM person p JOIN person_label pl ON pl.id = p.id
                JOIN session_role sr ON sr.person_id = p.id JOIN session s ON s.id = sr.session_id
                WHERE s.event_id = $1 AND s.status = 'scheduled' AND p.honorific IS NOT NULL
     UNION ALL SELECT DISTINCT 'organisation', o.id, 'name', o.name, o.name FROM organisation o
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
      label: presentOnly(row.label),
    }))
    .filter((gap) => gap.missing.length > 0);
}

/** The release's own name and notes are public too. */
export function releaseTextGaps(release: { name: Trilingual; notes?: Trilingual | null }): TranslationGap[] {
  const gaps: TranslationGap[] = [];
  for (const [field, value] of [['name', release.name], ['notes', release.notes]] as const) {
    if (value === undefined || value === null) continue;
    const missing = missingLanguages(value);
    if (missing.length) gaps.push({ entity: 'release', id: 'new', field, missing, label: presentOnly(release.name) });
  }
  return gaps;
}
