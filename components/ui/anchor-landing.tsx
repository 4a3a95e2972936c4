"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

const MARK = "data-anchor-landed";

function targetOf(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Marks the element the URL's fragment names (and only it), and scrolls it into view when asked. */
function land(scroll: boolean): HTMLElement | null {
  const target = targetOf(window.location.hash);
  for (const el of document.querySelectorAll(`[${MARK}]`)) if (el !== target) el.removeAttribute(MARK);
  if (!target) return null;
  target.setAttribute(MARK, "");
  if (scroll) target.scrollIntoView({ block: "start" });
  return target;
}

/**
 * Brings a reading page to the paragraph or heading its URL's fragment names (#p-10, #3.2-p-4, #n-3.2)
 * and marks it. The browser looks for the fragment while the page is still streaming (the text arrives
 * after the loading skeleton) and gives up, so this runs once the text is there: render it after the
 * anchored content, inside the same boundary. It lands again when the fragment changes in the page and
 * once the web fonts have swapped in, unless the reader has scrolled meanwhile.
 */
export function AnchorLanding() {
  const pathname = usePathname();
  useEffect(() => {
    let interacted = false;
    const onInteract = () => {
      interacted = true;
    };
    const events = ["wheel", "touchstart", "keydown", "pointerdown"] as const;
    for (const e of events) window.addEventListener(e, onInteract, { passive: true, once: true });
    const target = land(true);
    let cancelled = false;
    if (target && "fonts" in document) {
      void document.fonts.ready.then(() => {
        if (cancelled || interacted || !target.isConnected) return;
        const top = target.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight / 3) target.scrollIntoView({ block: "start" });
      });
    }
    // The browser has scrolled to an in-page fragment already; landing again puts it where a cold open does.
    const onHashChange = () => land(true);
    window.addEventListener("hashchange", onHashChange);
    return () => {
      cancelled = true;
      for (const e of events) window.removeEventListener(e, onInteract);
      window.removeEventListener("hashchange", onHashChange);
    };
  }, [pathname]);
  return null;
}
