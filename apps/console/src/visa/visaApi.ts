import { api, ApiError, call } from '../api/client';
import type { components } from '../api/schema';

export type LetterText = components['schemas']['VisaLetterTextDto'];
export type LetterTextInput = components['schemas']['VisaLetterTextInputDto'];
export type LetterDownloads = components['schemas']['VisaLetterDownloadsDto'];
export type MyLetter = components['schemas']['MyVisaLetterDto'];
export type LetterLanguage = MyLetter['defaultLanguage'];

/** The edition's letter text, or null while the organisers have set none (404 VISA_LETTER_TEXT_MISSING). */
export async function getLetterText(eventId: string): Promise<LetterText | null> {
  try {
    return await call(api.GET('/api/events/{eventId}/visa-letter', { params: { path: { eventId } } }));
  } catch (caught) {
    if (caught instanceof ApiError && caught.envelope.code === 'VISA_LETTER_TEXT_MISSING') return null;
    throw caught;
  }
}

export function putLetterText(eventId: string, body: LetterTextInput): Promise<LetterText> {
  return call(api.PUT('/api/events/{eventId}/visa-letter', { params: { path: { eventId } }, body }));
}

export function listDownloads(eventId: string, page: number, pageSize: number) {
  return call(api.GET('/api/events/{eventId}/visa-letters', { params: { path: { eventId }, query: { page, pageSize } } }));
}

export function listMyLetters(page: number, pageSize: number) {
  return call(api.GET('/api/me/visa-letters', { params: { query: { page, pageSize } } }));
}

/** A PDF fetched as a blob with the bearer token (a plain link would go without it), saved under the api's file name. */
async function save(answer: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const { response } = await answer;
  const blob = (await call(answer)) as Blob;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function downloadMyLetter(registrationId: string, lang: LetterLanguage): Promise<void> {
  return save(
    api.GET('/api/me/registrations/{id}/visa-letter.pdf', { params: { path: { id: registrationId }, query: { lang } }, parseAs: 'blob' }),
    'visa-letter.pdf',
  );
}

export function downloadSample(eventId: string, lang: LetterLanguage): Promise<void> {
  return save(
    api.GET('/api/events/{eventId}/visa-letter/preview.pdf', { params: { path: { eventId }, query: { lang } }, parseAs: 'blob' }),
    'visa-letter-sample.pdf',
  );
}
