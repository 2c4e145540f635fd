/**
 * The fonts every printable PDF uses (badges, agendas, the outcomes list): Noto Sans SC, Noto Sans, Noto Naskh Arabic
 * and Noto Sans Khmer, from npm packages, so a fresh `npm ci` is all a machine needs to print Chinese, Latin,
 * Cyrillic, Devanagari, Arabic script (Arabic, Persian, Urdu) and Khmer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Weight = 'regular' | 'bold';

const SC_REGULAR = 'NotoSansSC-Regular';
const SC_BOLD = 'NotoSansSC-Bold';
const SANS_REGULAR = 'NotoSans-Regular';
const SANS_BOLD = 'NotoSans-Bold';
const ARABIC_REGULAR = 'NotoNaskhArabic-Regular';
const ARABIC_BOLD = 'NotoNaskhArabic-Bold';
const KHMER_REGULAR = 'NotoSansKhmer-Regular';
const KHMER_BOLD = 'NotoSansKhmer-Bold';

/**
 * The fonts tried for each weight, in order of preference. Noto Sans SC first: Chinese needs it, and it has Latin
 * and basic Cyrillic too, so most texts stay in one typeface. Noto Sans has what SC lacks: the Cyrillic letters of
 * Kazakh, Kyrgyz, Tajik, Belarusian and Mongolian (Әә Ққ Ңң Өө Ұұ Үү Һһ Іі Ўў Ҷҷ Ӯӯ …), Latin Extended, Greek, Devanagari.
 * Then the scripts neither has: Arabic script (Noto Naskh Arabic has the letters Persian and Urdu add: پ چ ژ گ ٹ ڈ ڑ
 * ں ھ ہ ے) and Khmer. Last, so they are only ever picked for those scripts (their Latin is not used).
 */
export const FAMILIES: Record<Weight, readonly string[]> = {
  regular: [SC_REGULAR, SANS_REGULAR, ARABIC_REGULAR, KHMER_REGULAR],
  bold: [SC_BOLD, SANS_BOLD, ARABIC_BOLD, KHMER_BOLD],
};

/**
 * For text mostly in Latin or Cyrillic: Noto Sans first. Its punctuation (“ ” « » – — ·) is proportional, where
 * Noto Sans SC's is full-width, made for Chinese; Chinese words in such text still take Noto Sans SC.
 */
export const LATIN_FIRST: Record<Weight, readonly string[]> = {
  regular: [SANS_REGULAR, SC_REGULAR, ARABIC_REGULAR, KHMER_REGULAR],
  bold: [SANS_BOLD, SC_BOLD, ARABIC_BOLD, KHMER_BOLD],
};

/** The font order for a document in this language (zh, en, ru). */
export function familiesFor(language: string): Record<Weight, readonly string[]> {
  return language === 'zh' ? FAMILIES : LATIN_FIRST;
}

const FONT_FILES: Record<string, { pkg: string; file: string }> = {
  [SC_REGULAR]: { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  [SC_BOLD]: { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
  [SANS_REGULAR]: { pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  [SANS_BOLD]: { pkg: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
  [ARABIC_REGULAR]: { pkg: '@expo-google-fonts/noto-naskh-arabic', file: '400Regular/NotoNaskhArabic_400Regular.ttf' },
  [ARABIC_BOLD]: { pkg: '@expo-google-fonts/noto-naskh-arabic', file: '700Bold/NotoNaskhArabic_700Bold.ttf' },
  [KHMER_REGULAR]: { pkg: '@expo-google-fonts/noto-sans-khmer', file: '400Regular/NotoSansKhmer_400Regular.ttf' },
  [KHMER_BOLD]: { pkg: '@expo-google-fonts/noto-sans-khmer', file: '700Bold/NotoSansKhmer_700Bold.ttf' },
};

// The SC TTFs are ~10 MB each, Noto Sans ~0.6 MB: read once per process, lazily (most processes never print).
const fontCache = new Map<string, Buffer>();

function fontData(name: string): Buffer {
  let buf = fontCache.get(name);
  if (!buf) {
    const { pkg, file } = FONT_FILES[name];
    // Resolve through the installed package rather than a path relative to this file: works from src (Jest)
    // and from dist alike, and wherever npm hoisted the package.
    const pkgDir = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    buf = readFileSync(join(pkgDir, file));
    fontCache.set(name, buf);
  }
  return buf;
}

/**
 * Makes the fonts of FAMILIES known to the document by name. Registering only names the buffers: pdfkit parses
 * a font on first use and embeds (a subset of) only the fonts text was drawn in.
 */
export function registerNotoFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FONT_FILES)) doc.registerFont(name, fontData(name));
}
