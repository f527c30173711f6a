/**
 * Google News wants a publication's language as an ISO 639 code, with Chinese told apart by script: `zh-cn`
 * (simplified) or `zh-tw` (traditional). site.json gives a BCP 47 locale (`en-GB`, `zh-Hant-HK`).
 */
export function newsLanguage(locale: string): string {
  const tags = locale.toLowerCase().split('-');
  const language = tags[0] ?? 'en';
  if (language !== 'zh') return language;
  const traditional =
    tags.includes('hant') || (!tags.includes('hans') && ['tw', 'hk', 'mo'].some((r) => tags.includes(r)));
  return traditional ? 'zh-tw' : 'zh-cn';
}
