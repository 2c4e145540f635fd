import { describeMessaging } from './support/messaging.suite.js';
import { describeReminders } from './support/reminders.suite.js';

describeMessaging('postgres');
describeReminders('postgres');
