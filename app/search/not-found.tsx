import { NotFoundState } from "@/components/ui/segment-states";

export default function NotFound() {
  return <NotFoundState />;
}
