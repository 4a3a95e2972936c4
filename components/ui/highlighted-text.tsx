import { toRuns } from "@/lib/text/highlight";

interface HighlightedTextProps {
  text: string;
  ranges: readonly (readonly [number, number])[];
  markClassName?: string;
}

export function HighlightedText({ text, ranges, markClassName = "rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-500/30" }: HighlightedTextProps) {
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
