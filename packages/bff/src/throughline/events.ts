/**
 * Helpline displays and clicks reported to ThroughLine, best effort and within bounds, so that
 * fake events can never spend the quota look-ups need: only helplines this BFF served recently,
 * a display once per helpline and session, a budget per client, a share of the daily quota, and
 * a pause after failures in a row (failed calls still spend quota).
 */
import type { HelplineEvent } from "@embedkit/contracts";
import { ProblemError } from "../core/problem.ts";
import { type CounterStore, RollingQuota } from "../upstream/quota.ts";
import { QuotaExhausted, RateLimited, type ThroughLineClient } from "./client.ts";
import { ClientBudget } from "./client-budget.ts";
import { toUpstreamEvent } from "./mapping.ts";
import { CircuitOpen } from "./outage.ts";
import { RecentlyServed } from "./recently-served.ts";

/** The share of the daily quota events may spend; the rest is kept for look-ups. */
const EVENT_SHARE_OF_QUOTA = 0.1;
/** After this many failed events in a row, none is sent for a while: failures still spend quota. */
const EVENT_FAILURES_BEFORE_PAUSE = 3;
const EVENT_PAUSE_MS = 5 * 60_000;
/** Events one client (network address) may have reported per hour. */
const EVENTS_PER_CLIENT_PER_HOUR = 30;
const HOUR = 3_600_000;
/** The standing problem /health reports (and the log announces once) while events fail. */
const EVENTS_FAILING = "events-failing";

/** Why events fail, in the BFF's own words (a problem's title and detail; never an upstream body). */
const reasonOf = (error: unknown) =>
  error instanceof ProblemError ? [error.title, error.detail?.replace(/\.$/, "")].filter(Boolean).join(": ") : "an unexpected error";

export class HelplineEvents {
  /** Helplines answered recently: the only ones events are reported for. */
  readonly served: RecentlyServed;
  /** Displays already reported, by helpline and session: a page view is reported once. */
  readonly #displays: RecentlyServed;
  readonly #budget: ClientBudget;
  /** Events spend at most their share of the daily quota, counted apart (and in the daily count too). */
  readonly #quota: RollingQuota;
  #failures = 0;
  #pausedUntil = 0;

  constructor(
    readonly client: ThroughLineClient,
    counters: CounterStore,
    readonly now: () => number,
  ) {
    this.served = new RecentlyServed(now);
    this.#displays = new RecentlyServed(now, HOUR, 50_000);
    this.#budget = new ClientBudget(EVENTS_PER_CLIENT_PER_HOUR, HOUR, now);
    // Stryker disable next-line StringLiteral: the name only keys the events' count, in a store scoped to this ThroughLine app where no other quota could share it
    this.#quota = new RollingQuota("throughline-events", Math.floor(client.quota.limit * EVENT_SHARE_OF_QUOTA), counters, now);
  }

  /** Reports `event` from `clientKey` when every bound allows it; whether it was reported. */
  async report(event: HelplineEvent, clientKey: string): Promise<boolean> {
    const display = event.type === "display" ? `${event.helplineId} ${event.sessionId}` : null;
    if (
      this.now() < this.#pausedUntil ||
      !this.served.has(event.helplineId) ||
      (display !== null && this.#displays.has(display)) ||
      !this.#budget.take(clientKey) ||
      !(await this.#quota.reserve())
    )
      return false;
    if (display !== null) this.#displays.add([display]);
    return this.client.reportEvent(event.type, toUpstreamEvent(event, this.now())).then(
      () => {
        this.#failures = 0;
        this.client.health.resolve(EVENTS_FAILING);
        return true;
      },
      async (error) => {
        // Refused before anything was spent (ThroughLine's 429, the daily quota, the BFF's breaker while
        // ThroughLine fails): the share is given back. Any other failure spent a call.
        if (error instanceof RateLimited || error instanceof QuotaExhausted || error instanceof CircuitOpen) await this.#quota.release();
        else if (++this.#failures >= EVENT_FAILURES_BEFORE_PAUSE) {
          this.#failures = 0;
          this.#pausedUntil = this.now() + EVENT_PAUSE_MS;
          // Events are best effort and visitors see nothing of it: /health and one log line tell the operator.
          this.client.health.report(
            EVENTS_FAILING,
            `ThroughLine: helpline events are not reported (${EVENT_FAILURES_BEFORE_PAUSE} failed in a row; the last: ${reasonOf(error)}). ` +
              `The BFF sends none for ${EVENT_PAUSE_MS / 60_000} minutes after each such run, until one goes through.`,
          );
        }
        return false;
      },
    );
  }
}
