/** Every queue of the product; one processor class per queue (ARCHITECTURE.md, convention 7). */
export enum QueueName {
  Notifications = 'notifications',
}

export enum JobName {
  WelcomeUser = 'welcome-user',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
