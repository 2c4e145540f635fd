import { describeAgendas } from './support/agendas.suite.js';

describeAgendas('redis');
