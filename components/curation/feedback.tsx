"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { DONE_TEXT, ERROR_TEXT } from "./styles";

export interface FeedbackState {
  error: boolean;
  text: string;
}

/**
 * The outcome of an editor's action. The live region is always rendered, so a message that
 * appears is announced; the message takes focus, because the button pressed may be gone after the
 * refresh (its link changed status).
 */
export function Feedback({ state, id, children }: { state: FeedbackState | null; id?: string; children?: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state) ref.current?.focus();
  }, [state]);
  return (
    <div aria-live="polite">
      {state ? (
        <p
          ref={ref}
          id={id}
          tabIndex={-1}
          role={state.error ? "alert" : "status"}
          className={`${state.error ? ERROR_TEXT : DONE_TEXT} focus:outline-none`}
        >
          {state.text}
          {children}
        </p>
      ) : null}
    </div>
  );
}
