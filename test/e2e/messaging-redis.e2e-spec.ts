import { describeMessaging } from './support/messaging.suite.js';

describeMessaging('redis');
