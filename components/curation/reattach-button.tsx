"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { patchLink } from "./api";
import { Feedback, type FeedbackState } from "./feedback";
import { SECONDARY_BUTTON } from "./styles";
import { useHydrated } from "@/components/ui/use-hydrated";

interface ReattachButtonProps {
  linkId: string;
  /** The evidence pair whose document passage was lost. */
  rank: number;
  paragraphId: string;
  paragraphN: number;
}

/** 重新锚定到此段: points an orphaned link's lost passage at this candidate paragraph (PATCH … reattach). */
export function ReattachButton({ linkId, rank, paragraphId, paragraphN }: ReattachButtonProps) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<FeedbackState | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function reattach() {
    startTransition(async () => {
      const result = await patchLink(
        linkId,
        { reattach: [{ rank, paragraphId }] },
        "无法重新锚定：文档或规划条目已不存在，请将这条关联退役。",
      );
      startTransition(() => {
        if (!result.ok) {
          setFeedback({ error: true, text: result.message });
          return;
        }
        setFeedback({ error: false, text: `已重新锚定到第${paragraphN}段。` });
        router.refresh();
      });
    });
  }

  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={!hydrated || pending}
        onClick={reattach}
        aria-label={`重新锚定到此段（第${paragraphN}段）`}
        className={SECONDARY_BUTTON}
      >
        重新锚定到此段
      </button>
      <Feedback state={feedback} />
    </div>
  );
}
