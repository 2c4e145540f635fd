/** Every queue of the product; one processor class per queue (ARCHITECTURE.md, convention 7). */
export enum QueueName {
  Notifications = 'notifications',
  /** Programme events (schedule releases) for the messaging and agenda work that follows them. */
  Programme = 'programme',
}

export enum JobName {
  WelcomeUser = 'welcome-user',
  ScheduleReleased = 'schedule-released',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
