// The article's language when neither its front matter nor imprint.yaml says: read from its text by franc
// (trigram statistics, 82 languages), with the script deciding where it alone can (kana is Japanese, Hangul
// Korean) and Chinese told Simplified or Traditional by the characters only one of them uses.
import { franc } from 'franc-min';

export interface DetectedLanguage {
  /** A BCP 47 tag (franc's ISO 639-3 code made canonical: cmn → zh, pes → fa, arb → ar). */
  lang: string;
  /** false when the text was too short or too mixed to tell: the tag is then English, as before. */
  sure: boolean;
}

const fallback: DetectedLanguage = { lang: 'en', sure: false };
const minimumLetters = 40;

export function detectLanguage(text: string): DetectedLanguage {
  const letters = text.replace(/[\p{P}\p{S}\p{N}\s]+/gu, '');
  const count = (pattern: RegExp) => (letters.match(pattern) ?? []).length;
  if (count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > letters.length * 0.05) return { lang: 'ja', sure: true };
  if (count(/\p{Script=Hangul}/gu) > letters.length * 0.3) return { lang: 'ko', sure: true };
  const han = count(/\p{Script=Han}/gu);
  if (han > letters.length * 0.3)
    return { lang: count(traditionalOnly) > count(simplifiedOnly) ? 'zh-Hant' : 'zh-Hans', sure: han >= 10 };
  const [script, share] = dominantScript(letters);
  if (share > 0.5 && script in languageOfScript) return { lang: languageOfScript[script]!, sure: true };
  // Trigrams need a paragraph or so to tell languages of one script apart: less is not a guess worth printing.
  if (letters.length < minimumLetters) return fallback;
  const code = franc(text, { minLength: minimumLetters });
  if (code === 'und') return fallback;
  const [lang] = Intl.getCanonicalLocales(code);
  return lang ? { lang, sure: true } : fallback;
}

/** Scripts that one language writes nearly alone (franc-min's 82 languages leave some of them out). */
const languageOfScript: Record<string, string> = {
  Hebrew: 'he',
  Georgian: 'ka',
  Armenian: 'hy',
  Greek: 'el',
  Thai: 'th',
  Lao: 'lo',
  Khmer: 'km',
  Myanmar: 'my',
  Sinhala: 'si',
  Thaana: 'dv',
  Gujarati: 'gu',
  Gurmukhi: 'pa',
  Oriya: 'or',
  Telugu: 'te',
  Tamil: 'ta',
  Kannada: 'kn',
  Malayalam: 'ml',
  Ethiopic: 'am',
  Tibetan: 'bo',
};
const scriptTests = Object.keys(languageOfScript).map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'gu')] as const,
);

/** The script most of the letters are in, of those above, and its share of the letters. */
function dominantScript(letters: string): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [script, test] of scriptTests) {
    const share = (letters.match(test) ?? []).length / Math.max(letters.length, 1);
    if (share > best[1]) best = [script, share];
  }
  return best;
}

// Common characters written differently in the two forms (说/說, 国/國 …): which set the text uses.
const simplifiedOnly =
  /[这说国们时发对会来过还没经样门问间关开长现话应当实进动点体学业务总东车员认议义乐书记类觉医张条报际钱边让热显讲飞轻统师级济]/gu;
const traditionalOnly =
  /[這說國們時發對會來過還沒經樣門問間關開長現話應當實進動點體學業務總東車員認議義樂書記類覺醫張條報際錢邊讓熱顯講飛輕統師級濟]/gu;
