const FOLDS: Record<string, string> = { ı: 'i', ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', đ: 'd', þ: 'th' };

/** Folds a name part to the ASCII letters a UPN local part uses: "Müller" → "muller", "O'Brien" → "obrien". */
export function foldForUpn(name: string): string {
  return name
    .toLowerCase()
    .replace(/[ıłßøæđþ]/g, (ch) => FOLDS[ch] ?? ch)
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}
