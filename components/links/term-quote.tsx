import { HighlightedText } from "@/components/ui/highlighted-text";
import { findRanges, snippet } from "@/lib/search/highlight";
import { normalizeText } from "@/lib/search/normalize";

/** The linker's shared terms as needles for findRanges: normalised like the text they are looked for in, longest first. */
export function termNeedles(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => normalizeText(t)).filter(Boolean))].sort((a, b) => b.length - a.length);
}

interface TermQuoteProps {
  text: string;
  /** Needles from termNeedles. */
  needles: string[];
  /** Cut to a window of this many characters around the first shared term; the whole text without it. */
  width?: number;
}

/** A passage with the terms it shares with the other side marked (as React elements, never as HTML). */
export function TermQuote({ text, needles, width }: TermQuoteProps) {
  const ranges = findRanges(text, needles);
  if (!width) return <HighlightedText text={text} ranges={ranges} />;
  const cut = snippet(text, ranges, width);
  return <HighlightedText text={cut.text} ranges={cut.highlights} />;
}

/** "共同词：科技、创新": the terms as words, so they are readable without the marks. */
export function SharedTerms({ terms, className = "" }: { terms: readonly string[]; className?: string }) {
  if (!terms.length) return null;
  return <p className={`text-xs text-stone-600 dark:text-stone-400 ${className}`}>共同词：{terms.join("、")}</p>;
}
