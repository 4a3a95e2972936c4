import { LoadingState } from "@/components/ui/segment-states";

export default function Loading() {
  return <LoadingState />;
}
