import { describeOutboxPipeline } from './support/outbox-pipeline.suite.js';

describeOutboxPipeline('postgres');
