import type { NameCultureKey } from './name-pool.ts';

/** Which days make the working week where an office is. */
export type WorkWeek = 'monday-friday' | 'sunday-thursday';

/**
 * An office region: where people sit, their IANA zone, locale and the names common there. The
 * set deliberately spans whole-hour, half-hour (St. John's, Kolkata, Adelaide) and 45-minute
 * (Kathmandu) offsets, zones whose DST switches on different dates in the two hemispheres
 * (London/Berlin vs New York vs Adelaide) and zones without DST, plus Sunday–Thursday weeks.
 */
export interface Region {
  readonly key: string;
  /** IANA time zone id. */
  readonly zone: string;
  readonly city: string;
  readonly country: string;
  /** ISO 3166 two-letter code, as Graph's usageLocation. */
  readonly usageLocation: string;
  readonly offices: readonly string[];
  /** Locales people here choose; the first is the most common. */
  readonly locales: readonly string[];
  readonly workWeek: WorkWeek;
  readonly phonePrefix: string;
  readonly cultures: readonly NameCultureKey[];
  /** Relative share of headcount. */
  readonly weight: number;
}

/** The main organisation's offices. */
export const MAIN_REGIONS: readonly Region[] = [
  {
    key: 'london', zone: 'Europe/London', city: 'London', country: 'United Kingdom', usageLocation: 'GB',
    offices: ["London - King's Cross", 'London - Canary Wharf'], locales: ['en-GB', 'en-GB', 'en-US'],
    workWeek: 'monday-friday', phonePrefix: '+44 20 7946 ', cultures: ['anglo', 'anglo', 'indian', 'nigerian', 'polish', 'french'], weight: 18,
  },
  {
    key: 'berlin', zone: 'Europe/Berlin', city: 'Berlin', country: 'Germany', usageLocation: 'DE',
    offices: ['Berlin - Mitte'], locales: ['de-DE', 'de-DE', 'en-GB'],
    workWeek: 'monday-friday', phonePrefix: '+49 30 9018 ', cultures: ['german', 'german', 'turkish', 'polish', 'french'], weight: 11,
  },
  {
    key: 'new-york', zone: 'America/New_York', city: 'New York', country: 'United States', usageLocation: 'US',
    offices: ['New York - Hudson Yards'], locales: ['en-US'],
    workWeek: 'monday-friday', phonePrefix: '+1 212 555 ', cultures: ['anglo', 'hispanic', 'chinese', 'nigerian', 'indian', 'korean'], weight: 13,
  },
  {
    key: 'west-coast', zone: 'America/Los_Angeles', city: 'Seattle', country: 'United States', usageLocation: 'US',
    offices: ['Seattle - South Lake Union', 'San Francisco - SoMa'], locales: ['en-US'],
    workWeek: 'monday-friday', phonePrefix: '+1 206 555 ', cultures: ['anglo', 'chinese', 'vietnamese', 'hispanic', 'indian', 'korean', 'japanese'], weight: 11,
  },
  {
    key: 'st-johns', zone: 'America/St_Johns', city: "St. John's", country: 'Canada', usageLocation: 'CA',
    offices: ["St. John's - Water Street"], locales: ['en-CA', 'en-CA', 'fr-CA'],
    workWeek: 'monday-friday', phonePrefix: '+1 709 555 ', cultures: ['anglo', 'anglo', 'french'], weight: 4,
  },
  {
    key: 'bengaluru', zone: 'Asia/Kolkata', city: 'Bengaluru', country: 'India', usageLocation: 'IN',
    offices: ['Bengaluru - Whitefield', 'Pune - Hinjewadi'], locales: ['en-IN', 'en-IN', 'en-US', 'hi-IN'],
    workWeek: 'monday-friday', phonePrefix: '+91 80 4718 ', cultures: ['indian'], weight: 14,
  },
  {
    key: 'kathmandu', zone: 'Asia/Kathmandu', city: 'Kathmandu', country: 'Nepal', usageLocation: 'NP',
    offices: ['Kathmandu - Lalitpur'], locales: ['en-US', 'ne-NP'],
    workWeek: 'monday-friday', phonePrefix: '+977 1 5970 ', cultures: ['nepali'], weight: 3,
  },
  {
    key: 'singapore', zone: 'Asia/Singapore', city: 'Singapore', country: 'Singapore', usageLocation: 'SG',
    offices: ['Singapore - Marina Bay'], locales: ['en-SG', 'en-GB', 'zh-SG'],
    workWeek: 'monday-friday', phonePrefix: '+65 6571 ', cultures: ['chinese', 'chinese', 'malay', 'indian', 'filipino'], weight: 7,
  },
  {
    key: 'adelaide', zone: 'Australia/Adelaide', city: 'Adelaide', country: 'Australia', usageLocation: 'AU',
    offices: ['Adelaide - Rundle Mall'], locales: ['en-AU'],
    workWeek: 'monday-friday', phonePrefix: '+61 8 7200 ', cultures: ['anglo', 'vietnamese', 'chinese', 'indian'], weight: 4,
  },
  {
    key: 'sao-paulo', zone: 'America/Sao_Paulo', city: 'São Paulo', country: 'Brazil', usageLocation: 'BR',
    offices: ['São Paulo - Vila Olímpia'], locales: ['pt-BR', 'pt-BR', 'en-US'],
    workWeek: 'monday-friday', phonePrefix: '+55 11 3090 ', cultures: ['brazilian', 'brazilian', 'japanese', 'hispanic'], weight: 7,
  },
  {
    key: 'tel-aviv', zone: 'Asia/Jerusalem', city: 'Tel Aviv', country: 'Israel', usageLocation: 'IL',
    offices: ['Tel Aviv - Rothschild'], locales: ['he-IL', 'en-US'],
    workWeek: 'sunday-thursday', phonePrefix: '+972 3 763 ', cultures: ['hebrew'], weight: 3,
  },
  {
    key: 'riyadh', zone: 'Asia/Riyadh', city: 'Riyadh', country: 'Saudi Arabia', usageLocation: 'SA',
    offices: ['Riyadh - King Abdullah Financial District'], locales: ['ar-SA', 'en-US'],
    workWeek: 'sunday-thursday', phonePrefix: '+966 11 510 ', cultures: ['arabic'], weight: 2,
  },
];

/** The second, small organisation's offices (a different company in other zones). */
export const OTHER_REGIONS: readonly Region[] = [
  {
    key: 'paris', zone: 'Europe/Paris', city: 'Paris', country: 'France', usageLocation: 'FR',
    offices: ['Paris - La Défense'], locales: ['fr-FR', 'en-GB'],
    workWeek: 'monday-friday', phonePrefix: '+33 1 7036 ', cultures: ['french', 'french', 'arabic'], weight: 5,
  },
  {
    key: 'chicago', zone: 'America/Chicago', city: 'Chicago', country: 'United States', usageLocation: 'US',
    offices: ['Chicago - The Loop'], locales: ['en-US'],
    workWeek: 'monday-friday', phonePrefix: '+1 312 555 ', cultures: ['anglo', 'hispanic', 'polish'], weight: 4,
  },
  {
    key: 'tokyo', zone: 'Asia/Tokyo', city: 'Tokyo', country: 'Japan', usageLocation: 'JP',
    offices: ['Tokyo - Marunouchi'], locales: ['ja-JP', 'en-US'],
    workWeek: 'monday-friday', phonePrefix: '+81 3 4578 ', cultures: ['japanese'], weight: 3,
  },
  {
    key: 'johannesburg', zone: 'Africa/Johannesburg', city: 'Johannesburg', country: 'South Africa', usageLocation: 'ZA',
    offices: ['Johannesburg - Sandton'], locales: ['en-ZA'],
    workWeek: 'monday-friday', phonePrefix: '+27 11 083 ', cultures: ['southAfrican'], weight: 3,
  },
];
