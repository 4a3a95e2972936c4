import { LoadingState } from "@/components/ui/segment-states";

/**
 * Every page streams behind this boundary (see docs/decisions/0004). Next shows a loading.tsx
 * when the child segment it wraps changes, so a segment with dynamic children (speeches, plan…)
 * keeps its own; error.tsx and not-found.tsx render the same from here, as no segment has a layout.
 */
export default function Loading() {
  return <LoadingState />;
}
