/** An option's text as given, trimmed; undefined when absent, empty or given as a bare flag. */
export const optionText = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
