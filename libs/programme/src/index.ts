// The public face of libs/programme: what other libraries, the apps, test/ and bench/ may import (#programme/index.js).
// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/programme import each
// other relatively, never through this file, so the face cannot close an import cycle.
export { ConflictReportService } from './conflicts/conflict-report.service.js';
export { ConflictReportDto } from './conflicts/conflict.dto.js';
export { CreateOrganisationDto, ListOrganisationsQueryDto, OrganisationDto, OrganisationPageDto, UpdateOrganisationDto } from './directory/organisation.dto.js';
export { OrganisationRepository } from './directory/organisation.repository.js';
export { OrganisationsService } from './directory/organisations.service.js';
export { PeopleService } from './directory/people.service.js';
export { CreatePersonDto, ListPeopleQueryDto, PersonDto, PersonPageDto, UpdatePersonDto } from './directory/person.dto.js';
export { PersonRepository } from './directory/person.repository.js';
export { CreateEventDto, EventDto, EventPageDto, ListEventsQueryDto, PublicEventDto, UpdateEventDto } from './events/event.dto.js';
export { ConferenceEvent } from './events/event.entity.js';
export { type EventFacts, type EventRegistrationState, EventRepository } from './events/event.repository.js';
export { EventsService } from './events/events.service.js';
export { ORGANISATION_TYPES, type OrganisationType, SESSION_KINDS, SESSION_STATUSES, type SessionKind, type SessionRoleKind, type SessionStatus, type SessionVisibility } from './programme-vocabulary.js';
export { ProgrammeModule } from './programme.module.js';
export { programmeReply } from './public/programme-reply.js';
export { PublicProgrammeDto, PublicProgrammeQueryDto, PublicSessionDto } from './public/public-programme.dto.js';
export { PublicProgrammeService, type ServedProgramme } from './public/public-programme.service.js';
export { type RenderedProgramme, renderProgramme } from './public/render-programme.js';
export { PublishReleaseDto, ReleaseChangesDto, ReleasePageDto, ReleasePreviewDto, ReleaseSummaryDto, TranslationReportDto } from './releases/release.dto.js';
export { ReleaseRepository, type ReleaseSnapshotRow } from './releases/release.repository.js';
export { ReleasesService } from './releases/releases.service.js';
export type { ScheduleSnapshot } from './releases/schedule-snapshot.js';
export { ProgrammeSeedRepository } from './seeding/programme-seed.repository.js';
export { AddSessionRoleDto, CreateSessionDto, ListSessionsQueryDto, SessionDto, SessionPageDto, SessionRoleDto, UpdateSessionDto, UpdateSessionRoleDto } from './sessions/session.dto.js';
export { SessionRepository } from './sessions/session.repository.js';
export { SessionsService } from './sessions/sessions.service.js';
export { CreateTrackDto, TrackDto, TrackPageDto, UpdateTrackDto } from './tracks/track.dto.js';
export { TracksService } from './tracks/tracks.service.js';
export { CreateRoomDto, CreateVenueDto, ListRoomsQueryDto, RoomDto, RoomPageDto, UpdateRoomDto, UpdateVenueDto, VenueDto, VenuePageDto } from './venues/venue.dto.js';
export { VenuesService } from './venues/venues.service.js';
