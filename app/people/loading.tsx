import { LoadingState } from "@/components/ui/segment-states";

/**
 * Not a copy to tidy away. The root loading.tsx shows only when the first path segment changes;
 * this boundary wraps this segment's children, so it is the one that shows the skeleton on the way
 * from the list to a reading page, or from one reading page to the next.
 */
export default function Loading() {
  return <LoadingState />;
}
