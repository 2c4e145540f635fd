/** The closed vocabularies of outcomes, shared by entities, DTOs, the migration and the demo data. */

export const OUTCOME_KINDS = ['agreement', 'unveiling', 'initiative', 'alliance', 'settlement', 'announcement'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const AGREEMENT_TYPES = [
  'strategic_cooperation',
  'investment_cooperation',
  'memorandum_of_understanding',
  'framework_agreement',
  'settlement_contract',
  'other',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

/** agreement: planned → ready → signed, or cancelled; every other kind: planned → done, or cancelled. */
export const OUTCOME_STATUSES = ['planned', 'ready', 'signed', 'done', 'cancelled'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** How an organisation takes part: a signing party, a founding member of an alliance, the operator of what a plaque opens, an enterprise settling in. */
export const PARTY_ROLES = ['party', 'founding_member', 'operator', 'settling_enterprise'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** How a person takes part: signs, witnesses, unveils (or presents an initiative or announcement). */
export const OUTCOME_PERSON_ROLES = ['signatory', 'witness', 'unveiler', 'presenter'] as const;
export type OutcomePersonRole = (typeof OUTCOME_PERSON_ROLES)[number];

/** The controlled vocabulary of cooperation areas, in the three languages. */
export const COOPERATION_AREAS = {
  industrial_investment: { zh: '产业投资', en: 'Industrial investment', ru: 'Промышленные инвестиции' },
  new_energy_computing: { zh: '新能源+算力', en: 'New energy and computing power', ru: 'Новая энергетика и вычислительные мощности' },
  park_development: { zh: '园区开发', en: 'Park development', ru: 'Развитие индустриальных парков' },
  rail_express_logistics: { zh: '高铁快运+铁路物流园', en: 'Rail express and rail logistics', ru: 'Железнодорожные экспресс-перевозки и логистика' },
  industrial_funds: { zh: '产业基金', en: 'Industrial funds', ru: 'Промышленные фонды' },
  new_quality_productivity: { zh: '新质生产力', en: 'New quality productive forces', ru: 'Новые качественные производительные силы' },
  logistics: { zh: '物流运输', en: 'Logistics and transport', ru: 'Логистика и транспорт' },
  new_energy: { zh: '新能源', en: 'New energy', ru: 'Новая энергетика' },
  equipment_manufacturing: { zh: '装备制造', en: 'Equipment manufacturing', ru: 'Машиностроение' },
  digital_economy: { zh: '数字经济', en: 'Digital economy', ru: 'Цифровая экономика' },
  artificial_intelligence: { zh: '人工智能', en: 'Artificial intelligence', ru: 'Искусственный интеллект' },
  cross_border_data: { zh: '数据跨境', en: 'Cross-border data', ru: 'Трансграничные данные' },
  trade_investment: { zh: '贸易投资', en: 'Trade and investment', ru: 'Торговля и инвестиции' },
  supply_chain: { zh: '产业链供应链', en: 'Industrial and supply chains', ru: 'Производственные и сбытовые цепочки' },
} as const;
export type CooperationArea = keyof typeof COOPERATION_AREAS;
export const COOPERATION_AREA_CODES = Object.keys(COOPERATION_AREAS) as CooperationArea[];
