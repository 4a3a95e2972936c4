"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * false on the server and in the first HTML, true once React has hydrated this part of the page.
 * Controls whose work is done by script render disabled until then, so a click that lands before
 * the script has loaded is refused visibly instead of being lost (or, for a form, sent as a plain
 * navigation).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
