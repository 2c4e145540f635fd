import { describeMailFiles } from './support/messaging.suite.js';

describeMailFiles();
