import type { ReactNode } from "react";
import { toLayeredRuns, toRuns } from "@/lib/search/highlight";

/** How a searched-for word is marked, wherever it is shown. */
export const TERM_MARK_CLASS = "rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-500/30";

interface HighlightedTextProps {
  text: string;
  ranges: readonly (readonly [number, number])[];
  markClassName?: string;
}

export function HighlightedText({ text, ranges, markClassName = TERM_MARK_CLASS }: HighlightedTextProps) {
  return (
    <>
      {toRuns(text, ranges).map((run) =>
        run.highlight ? (
          <mark key={run.start} className={markClassName}>
            {run.text}
          </mark>
        ) : (
          <span key={run.start}>{run.text}</span>
        ),
      )}
    </>
  );
}

interface LayeredTextProps {
  text: string;
  /** Kinds of highlight, outermost first (e.g. a plan target's sentence, then the words searched for). */
  layers: { ranges: readonly (readonly [number, number])[]; className: string }[];
}

/** Text with several independent kinds of highlight that may overlap, as nested <mark>s. */
export function LayeredText({ text, layers }: LayeredTextProps) {
  return (
    <>
      {toLayeredRuns(
        text,
        layers.map((l) => l.ranges),
      ).map((run) => {
        let node: ReactNode = run.text;
        for (let k = layers.length - 1; k >= 0; k--)
          if (run.layers[k]) node = <mark className={layers[k]!.className}>{node}</mark>;
        return <span key={run.start}>{node}</span>;
      })}
    </>
  );
}
