import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConflictReportService } from './conflicts/conflict-report.service.js';
import { Organisation } from './directory/organisation.entity.js';
import { OrganisationRepository } from './directory/organisation.repository.js';
import { OrganisationsService } from './directory/organisations.service.js';
import { PeopleService } from './directory/people.service.js';
import { Person } from './directory/person.entity.js';
import { PersonRepository } from './directory/person.repository.js';
import { ConferenceEvent } from './events/event.entity.js';
import { EventRepository } from './events/event.repository.js';
import { EventsService } from './events/events.service.js';
import { PublicProgrammeService } from './public/public-programme.service.js';
import { ReleaseRepository } from './releases/release.repository.js';
import { ReleasesService } from './releases/releases.service.js';
import { ScheduleRelease } from './releases/schedule-release.entity.js';
import { ProgrammeSeedRepository } from './seeding/programme-seed.repository.js';
import { ProgrammeSession } from './sessions/session.entity.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionRole } from './sessions/session-role.entity.js';
import { SessionsService } from './sessions/sessions.service.js';
import { Track } from './tracks/track.entity.js';
import { TracksService } from './tracks/tracks.service.js';
import { Room } from './venues/room.entity.js';
import { Venue } from './venues/venue.entity.js';
import { VenuesService } from './venues/venues.service.js';

const SERVICES = [
  EventsService,
  VenuesService,
  TracksService,
  OrganisationsService,
  PeopleService,
  SessionsService,
  ConflictReportService,
  ReleasesService,
  PublicProgrammeService,
  // Read by the other domains (agenda, outcomes, registration, messaging): the only TypeScript outside programme that reaches its tables.
  EventRepository,
  ReleaseRepository,
  SessionRepository,
  OrganisationRepository,
  PersonRepository,
  ProgrammeSeedRepository,
];

/** Events, venues, rooms, tracks, organisations, people, sessions, releases and the public programme. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConferenceEvent, Venue, Room, Track, Organisation, Person, ProgrammeSession, SessionRole, ScheduleRelease]),
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class ProgrammeModule {}
