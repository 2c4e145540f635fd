/** Every queue of the product; one processor class per queue (ARCHITECTURE.md, convention 7). */
export enum QueueName {
  Notifications = 'notifications',
  /** Programme events (schedule releases) for the messaging and agenda work that follows them. */
  Programme = 'programme',
  /** Registration, enrolment and invitation events, for the notifications that follow them. */
  Registration = 'registration',
  /** Outcome events (an agreement signed), for the notifications that follow them. */
  Outcomes = 'outcomes',
  /** Agenda documents (HTML, PDF, iCalendar) of each release: CPU work, kept off the other queues. */
  Agendas = 'agendas',
}

export enum JobName {
  WelcomeUser = 'welcome-user',
  ScheduleReleased = 'schedule-released',
  RegistrationChanged = 'registration-changed',
  EnrolmentChanged = 'enrolment-changed',
  InvitationCreated = 'invitation-created',
  AgreementSigned = 'agreement-signed',
  DeliverNotification = 'deliver-notification',
  SendSessionReminder = 'send-session-reminder',
  BuildAgenda = 'build-agenda',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
