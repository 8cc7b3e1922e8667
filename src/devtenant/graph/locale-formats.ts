/** Outlook's default date and time formats for a mailbox language (falling back to en-US). */
const FORMATS: Readonly<Record<string, readonly [date: string, time: string]>> = {
  'en-US': ['M/d/yyyy', 'h:mm tt'],
  'en-GB': ['dd/MM/yyyy', 'HH:mm'],
  'en-CA': ['yyyy-MM-dd', 'h:mm tt'],
  'en-IN': ['dd-MM-yyyy', 'h:mm tt'],
  'en-SG': ['d/M/yyyy', 'h:mm tt'],
  'en-AU': ['d/MM/yyyy', 'h:mm tt'],
  'en-ZA': ['yyyy/MM/dd', 'HH:mm'],
  'de-DE': ['dd.MM.yyyy', 'HH:mm'],
  'fr-FR': ['dd/MM/yyyy', 'HH:mm'],
  'fr-CA': ['yyyy-MM-dd', 'HH:mm'],
  'pt-BR': ['dd/MM/yyyy', 'HH:mm'],
  'he-IL': ['dd/MM/yyyy', 'HH:mm'],
  'ar-SA': ['dd/MM/yy', 'hh:mm tt'],
  'hi-IN': ['dd-MM-yyyy', 'hh:mm tt'],
  'ne-NP': ['M/d/yyyy', 'HH:mm'],
  'zh-SG': ['yyyy/M/d', 'HH:mm'],
  'ja-JP': ['yyyy/MM/dd', 'H:mm'],
};

export function localeFormats(locale: string): { dateFormat: string; timeFormat: string } {
  const [dateFormat, timeFormat] = FORMATS[locale] ?? FORMATS['en-US']!;
  return { dateFormat, timeFormat };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });

/** "en-GB" → "English (United Kingdom)", Outlook's display name for a mailbox language. */
export function localeDisplayName(locale: string): string {
  try {
    return languageNames.of(locale) ?? locale;
  } catch {
    return locale;
  }
}
