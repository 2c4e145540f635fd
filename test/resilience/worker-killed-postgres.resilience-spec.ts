import { describeFanOut } from './support/fan-out.suite.js';

describeFanOut('postgres');
