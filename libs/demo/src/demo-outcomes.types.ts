import type { DemoText } from './demo-data.types.js';
import type { OrganisationType } from '#programme/index.js';
import type { AgreementType, CooperationArea, OutcomeKind, OutcomePersonRole, OutcomeStatus, PartyRole } from '#outcomes/index.js';

/** An organisation the outcomes need that the programme's demo data does not have. */
export interface DemoOutcomeOrganisation {
  key: string;
  name: DemoText;
  country: string;
  type: OrganisationType;
}

export interface DemoOutcomeParty {
  /** A key of DEMO_EDITION_2025.organisations or of DEMO_OUTCOMES_2025.organisations. */
  organisationKey: string;
  role: PartyRole;
  confidential?: boolean;
}

export interface DemoOutcomePerson {
  /** A key of DEMO_EDITION_2025.people. */
  personKey: string;
  role: OutcomePersonRole;
  /** For a signatory: the organisation they sign for. */
  forOrganisationKey?: string;
  protocolOrder: number;
}

export interface DemoOutcome {
  key: string;
  kind: OutcomeKind;
  title: DemoText;
  summary?: DemoText;
  /** The full text, for an initiative. */
  body?: DemoText;
  /** A key of DEMO_EDITION_2025.event.sessions. */
  sessionKey: string;
  /** ISO 8601 with +08:00. */
  occurredAt: string;
  status: OutcomeStatus;
  agreementType?: AgreementType;
  /** Order of signing within its ceremony (agreements). */
  signingOrder?: number;
  areas: CooperationArea[];
  parties: DemoOutcomeParty[];
  people: DemoOutcomePerson[];
  value?: { amount: string; currency: string; confidential: boolean };
  published: boolean;
  assumed?: string;
}

export interface DemoOutcomes {
  organisations: DemoOutcomeOrganisation[];
  outcomes: DemoOutcome[];
}
