/** The closed vocabularies of registration, shared by entities, DTOs, migrations, imports and exports. */

export const REGISTRATION_MODES = ['open', 'approval', 'invitation'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_CATEGORIES = ['official', 'business', 'international_organisation', 'media', 'guest'] as const;
export type RegistrationCategory = (typeof REGISTRATION_CATEGORIES)[number];

export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** How the badge prints each category, in the three languages. */
export const CATEGORY_LABELS: Record<RegistrationCategory, { zh: string; en: string; ru: string }> = {
  official: { zh: '官方代表', en: 'Official', ru: 'Официальный представитель' },
  business: { zh: '企业代表', en: 'Business', ru: 'Деловые круги' },
  international_organisation: { zh: '国际组织', en: 'International organisation', ru: 'Международная организация' },
  media: { zh: '媒体', en: 'Media', ru: 'СМИ' },
  guest: { zh: '嘉宾', en: 'Guest', ru: 'Гость' },
};
