/**
 * What a delegate fills in about themself when registering (POST /api/me/registrations, less the event): a
 * Kazakh business delegate with visa data. Without a new organisation or a delegation, which are rows of their own
 * (the e2e tests add them where they matter).
 */
export const DELEGATE_DETAILS = {
  nameNative: 'Айгерим Сапарова',
  nameLatin: 'Aigerim Saparova',
  country: 'KZ',
  position: 'Deputy director',
  category: 'business',
  preferredLanguage: 'ru',
  phone: '+7 701 000 00 00',
  dietaryNeeds: 'halal',
  interpretationNeeds: ['ru'],
  arrivalDate: '2025-07-17',
  departureDate: '2025-07-19',
  consent: { accepted: true, noticeVersion: '1' },
  listedConsent: true,
  visa: { nationality: 'KZ', passportNumber: 'N12345678', dateOfBirth: '1985-04-12' },
};

/** A public sign-up (account and registration at once) with only what is required. */
export function signUpBody(email: string) {
  return {
    email,
    password: 'delegate password 12',
    nameNative: DELEGATE_DETAILS.nameNative,
    nameLatin: DELEGATE_DETAILS.nameLatin,
    country: DELEGATE_DETAILS.country,
    category: DELEGATE_DETAILS.category,
    preferredLanguage: DELEGATE_DETAILS.preferredLanguage,
    consent: DELEGATE_DETAILS.consent,
  };
}
