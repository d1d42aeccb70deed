/**
 * Whether a desktop app took over after the page opened its custom-scheme link
 * (`thundercloud:`), told apart from the browser's own "Open this application?" prompt.
 *
 * - The page being hidden (`visibilitychange` to hidden, `pagehide`): the app took over.
 * - A `blur` then focus coming back: Chromium's external-application prompt, answered or
 *   dismissed. Not a take-over: that blur is why the hint once never showed in Chromium.
 * - A `blur` with no focus back for `promptWaitMs`: the app is in front.
 * - Nothing of that by `appWaitMs`: nothing opened.
 */
export interface HandoffTiming {
  /** How long the app has to take over before the page says it did not open. */
  appWaitMs: number;
  /** How long the window may stay away (a prompt being read) before that counts as the app in front. */
  promptWaitMs: number;
}

/**
 * Watches the page from now on; calls `notOpened` once if no app took over. Returns a
 * function that stops watching (the element was removed, or another launch started).
 */
export function watchAppHandoff({ appWaitMs, promptWaitMs }: HandoffTiming, notOpened: () => void): () => void {
  let away = false;
  let waited = false;
  let awayTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(deadline);
    clearTimeout(awayTimer);
    window.removeEventListener("blur", onBlur);
    window.removeEventListener("focus", onFocus);
    window.removeEventListener("pagehide", stop);
    document.removeEventListener("visibilitychange", onVisibility);
  };
  const settle = () => {
    stop();
    notOpened();
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") stop();
  };
  const onBlur = () => {
    away = true;
    clearTimeout(awayTimer);
    awayTimer = setTimeout(stop, promptWaitMs);
  };
  const onFocus = () => {
    away = false;
    clearTimeout(awayTimer);
    if (waited) settle();
  };
  const deadline = setTimeout(() => {
    waited = true;
    if (!away) settle();
  }, appWaitMs);
  window.addEventListener("blur", onBlur);
  window.addEventListener("focus", onFocus);
  window.addEventListener("pagehide", stop);
  document.addEventListener("visibilitychange", onVisibility);
  return stop;
}

/** A phone or tablet (touch only): Thunder is a desktop app, so the hint must not speak of "this computer". */
export const onTouchDevice = (): boolean => matchMedia("(hover: none) and (pointer: coarse)").matches;
