/** A clock the test moves by hand: modules that take `now` see exactly the time it says. */
export function manualClock(start = Date.UTC(2026, 0, 1, 12)) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}
