/**
 * Chinese names and titles in the order a Chinese reader looks them up: by pinyin (ICU's zh collation,
 * the `pinyin` variant; Node ships full ICU). One collator for every list that sorts Chinese text.
 */
const collator = new Intl.Collator("zh-CN-u-co-pinyin", { numeric: true });

/** Compares two strings by pinyin (for Array.prototype.sort). */
export const comparePinyin = (a: string, b: string): number => collator.compare(a, b);
