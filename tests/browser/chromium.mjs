// What every browser test shares: the Chromium it drives (Debian's), the flags that keep that
// Chromium quiet (no background networking, updates, sync or QUIC, so the tests' "no request
// leaves the page" checks see only the page's own traffic), the wait budget, and the brief's
// five tone labels.
export const CHROMIUM = "/usr/bin/chromium";
export const QUIET_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Flags for a plain headless page (the demo, the embed). */
export const HEADLESS_ARGS = ["--headless", ...QUIET_CHROMIUM_ARGS];
export const WAIT = { timeout: 20_000 };
export const TONE_LABELS = ["Calm", "Measured", "Neutral", "Concerned", "Alarmist"];
