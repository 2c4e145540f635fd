import { describeMailFiles, describeMessaging } from './support/messaging.suite.js';

describeMessaging('postgres');
describeMailFiles();
