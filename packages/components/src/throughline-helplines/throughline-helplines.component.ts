import type { Contact, Country, Helpline, HelplineEvent, HelplinesResponse } from "@embedkit/contracts";
import { html, isServer, nothing, type PropertyValues } from "lit";
import type { BffError } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { inlineState } from "../internal/server-state.ts";
import { fetchCountries, fetchHelplines, reportEvent } from "../internal/throughline-client.ts";
import { warnAttribute } from "../internal/warn.ts";
import { keepRangesTogether } from "./keep-together.ts";
import { contactStatus, describeWhen, formatHours } from "./opening-hours.ts";
import { type ThroughLineHelplinesStrings, translated } from "./strings.ts";
import { styles } from "./throughline-helplines.styles.ts";

/** A helpline's own website says nothing about hours; any other contact (a link of a type we do not know too) does. */
const hasHours = (contact: Contact) => contact.type !== "website" || (!contact.alwaysOpen && contact.hours.length > 0);
/** Only these reach a link, whatever the BFF answered. */
const SAFE_HREF = /^(tel:|sms:|https:)/i;

/**
 * Helplines of a country (and topic) from ThroughLine, through the Embedkit BFF, with their
 * contact actions, each contact's opening hours and whether it is open now (computed in the
 * browser, in the helpline's time zone), and the country's emergency number, shown whenever the
 * country is known. A priority answer of exactly two services is a pair (adult and youth, two
 * languages): ThroughLine's rule is both or neither, so both are always shown, marked as a pair.
 * A WhatsApp number in national form (no wa.me link can be made of it) is shown as written, as a call link.
 * Colours follow the page's `color-scheme` (light or dark).
 *
 * @tagname throughline-helplines
 * @event throughline-contact - A contact action was chosen; cancel it to handle the contact yourself. `detail: {helplineId, helplineName, type, href}`.
 * @event throughline-error - Loading failed. `detail: {status, title, detail}`.
 *
 * @csspart base - The wrapper.
 * @csspart emergency - The emergency number notice.
 * @csspart emergency-link - The emergency number's call link (at least 44×44 px).
 * @csspart list - The list of helplines.
 * @csspart helpline - One helpline.
 * @csspart name - A helpline's name.
 * @csspart description - A helpline's description.
 * @csspart hours - Opening hours: a helpline's "Open 24/7", or a contact's weekly hours.
 * @csspart contact - A contact action link.
 * @csspart contact-status - Whether a contact is open now, and when it next closes or opens.
 * @csspart message - Empty, error, unknown country or topic, and out-of-date notes.
 *
 * @cssproperty --throughline-helplines-color - Text colour.
 * @cssproperty --throughline-helplines-accent - Contact links and the paired-service marker (default: blue, lighter on a dark page).
 * @cssproperty --throughline-helplines-open - "Open now" text colour.
 * @cssproperty --throughline-helplines-border - Helpline border colour.
 * @cssproperty --throughline-helplines-background - Helpline background.
 * @cssproperty [--throughline-helplines-radius=0.5rem] - Corner radius.
 * @cssproperty [--throughline-helplines-gap=0.75rem] - Space between helplines.
 * @cssproperty --throughline-helplines-emergency-background - Emergency notice background.
 * @cssproperty --throughline-helplines-emergency-color - Emergency notice text colour.
 * @cssproperty --throughline-helplines-focus-ring - Focus outline colour.
 */
export class ThroughLineHelplines extends EmbedkitElement<ThroughLineHelplinesStrings> {
  static override styles = styles;
  static override properties = {
    country: { type: String },
    topic: { type: String },
    priority: { type: Boolean },
    limit: { type: Number },
    reportEvents: { type: Boolean, attribute: "report-events" },
    _answer: { state: true },
    _countries: { state: true },
    _invalidCountry: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  /** ISO 3166 country code, such as US or NZ. */
  declare country: string;
  /** Topic name or code, such as `suicidal-thoughts`. */
  declare topic: string | undefined;
  /** Only ThroughLine's curated short list. */
  declare priority: boolean;
  /** Helplines to show at most (1–50). */
  declare limit: number;
  /** Report displays and contact clicks to ThroughLine through the BFF. */
  declare reportEvents: boolean;

  declare _answer: HelplinesResponse | null;
  /** ThroughLine's countries: the emergency number even when the helpline look-up fails. */
  declare _countries: Country[] | null;
  declare _invalidCountry: boolean;
  declare _loading: boolean;
  declare _error: BffError | null;
  /** @internal The first answer, set by the server renderer (see internal/server-state.ts). */
  declare serverState: HelplinesResponse | undefined;
  /** @internal The clock "open now" is computed with (tests set it). */
  now: () => Date = () => new Date();
  #abort: AbortController | null = null;
  #tick: ReturnType<typeof setInterval> | undefined;
  // getRandomValues, not randomUUID: the host page may not be a secure context.
  readonly #sessionId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  readonly #displayed = new Set<string>();

  constructor() {
    super(translated);
    this.country = "";
    this.priority = false;
    this.limit = 5;
    this.reportEvents = false;
    this._answer = null;
    this._countries = null;
    this._invalidCountry = false;
    this._loading = false;
    this._error = null;
  }

  /** Helplines shown now. */
  get helplines(): readonly Helpline[] {
    return this._answer?.helplines ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server-rendered: the first answer came with the page, so there is nothing to ask.
    const first = this.hasUpdated ? null : (this.serverState ?? inlineState<HelplinesResponse>(this));
    if (first) {
      this._answer = first;
      return;
    }
    if (isServer) return;
    if (["bff", "country", "topic", "priority", "limit"].some((p) => changed.has(p as keyof ThroughLineHelplines))) void this.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // "Open now" moves with the clock, not with the (cached) answer.
    this.#tick = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearInterval(this.#tick);
  }

  protected override updated(): void {
    if (this.reportEvents) for (const helpline of this.helplines) this.#report(helpline.id);
  }

  /** Loads the helplines again. */
  async reload(): Promise<void> {
    this.#abort?.abort();
    const country = (this.country ?? "").trim();
    this._answer = null;
    this._error = null;
    this._loading = false; // a look-up aborted for an empty or malformed country must not stay "Loading…"
    this._invalidCountry = country !== "" && !/^[A-Za-z]{2}$/.test(country);
    if (this._invalidCountry)
      warnAttribute(this, "country", country, 'a two-letter ISO 3166 country code. Write it like country="US" or country="NZ"');
    if (country === "" || this._invalidCountry) return;
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    const base = this.bffBase;
    const query = { country, topic: this.topic, priority: this.priority ? "true" : undefined, limit: this.limitOf("limit", this.limit, 5) };
    if (!this._countries)
      fetchCountries(base, abort.signal).then(
        (countries) => {
          this._countries = countries;
        },
        () => {}, // only the emergency number's fallback
      );
    try {
      const answer = await fetchHelplines(base, query, abort.signal);
      if (abort.signal.aborted) return;
      this._answer = answer;
      this._loading = false;
      if (!answer.country)
        warnAttribute(this, "country", country, "one of ThroughLine's countries (GET /v1/throughline/countries lists them)");
      if (answer.unknownTopic)
        warnAttribute(
          this,
          "topic",
          this.topic,
          "one of ThroughLine's topics (GET /v1/throughline/topics lists them); the country's helplines are shown",
        );
    } catch (error) {
      if (abort.signal.aborted) return;
      this._loading = false;
      this._error = this.emitError("throughline-error", error);
    }
  }

  #report(helplineId: string, contactMethod?: Contact["type"]): void {
    if (!contactMethod) {
      if (this.#displayed.has(helplineId)) return; // a display is reported once per element; every click is
      this.#displayed.add(helplineId);
    }
    const event: HelplineEvent = {
      type: contactMethod ? "click" : "display",
      helplineId,
      sessionId: this.#sessionId,
      ...(contactMethod && { contactMethod }),
    };
    reportEvent(this.bffBase, event);
  }

  #onContact(event: MouseEvent, helpline: Helpline, contact: Contact): void {
    const proceed = this.emit(
      "throughline-contact",
      { helplineId: helpline.id, helplineName: helpline.name, type: contact.type, href: contact.href },
      { cancelable: true },
    );
    if (!proceed) event.preventDefault();
    if (this.reportEvents) this.#report(helpline.id, contact.type);
  }

  #status(contact: Contact, helpline: Helpline, t: ThroughLineHelplinesStrings, locale: string, now: Date, id: string) {
    if (!hasHours(contact)) return nothing;
    const status = contactStatus(contact, helpline.timezone, now);
    const zone = helpline.timezone;
    const closes = status.state === "open" && zone ? describeWhen(status.closes, now, zone, locale, true) : null;
    const opens = status.state === "closed" && status.opens && zone ? describeWhen(status.opens, now, zone, locale, false) : null;
    const text =
      status.state === "always"
        ? t.open247
        : closes
          ? t.openNow(closes)
          : opens
            ? t.closedNow(opens)
            : status.state === "closed"
              ? t.closed
              : null;
    return html`${text ? html`<span id=${id} part="contact-status" class="status ${status.state}">${text}</span>` : nothing}
    ${!contact.alwaysOpen && contact.hours.length > 0 ? html`<span part="hours" class="schedule">${keepRangesTogether(formatHours(contact.hours, locale))}</span>` : nothing}`;
  }

  #helpline(helpline: Helpline, t: ThroughLineHelplinesStrings, locale: string, now: Date, paired: boolean) {
    const external = (contact: Contact) => contact.href.startsWith("http");
    const contacts = helpline.contacts.filter((c) => SAFE_HREF.test(c.href));
    const reachable = contacts.filter(hasHours);
    // One "Open 24/7" for the helpline, rather than one per contact, when every way in is always open.
    const allAlwaysOpen = reachable.length > 0 && reachable.every((c) => c.alwaysOpen);
    return html`<li part="helpline" class="helpline ${paired ? "paired" : ""}">
      <h3 part="name">${helpline.name}</h3>
      ${helpline.description ? html`<p part="description" class="description">${keepRangesTogether(helpline.description)}</p>` : nothing}
      ${allAlwaysOpen ? html`<p part="hours" class="hours">${t.open247}</p>` : nothing}
      <ul class="contacts" role="list">
        ${contacts.map((contact, index) => {
          // The link's description is its status, so a screen reader moving by links hears "Closed · opens 09:00".
          const statusId = `status-${helpline.id}-${index}`;
          // A number to call or text is shown with its action: a WhatsApp number only a call can reach (no wa.me link) too.
          const visible = /^(tel|sms):/.test(contact.href)
            ? `${t.contactActions[contact.type]} ${contact.label}`
            : t.contactActions[contact.type];
          // The name starts with the visible text (WCAG 2.5.3), then says which helpline.
          return html`<li class="contact">
            <a
              part="contact contact-${contact.type}"
              href=${contact.href}
              target=${external(contact) ? "_blank" : "_self"}
              rel=${external(contact) ? "noopener noreferrer" : nothing}
              aria-label="${visible}, ${helpline.name}"
              aria-describedby=${allAlwaysOpen || !hasHours(contact) ? nothing : statusId}
              @click=${(e: MouseEvent) => this.#onContact(e, helpline, contact)}
              >${visible}</a
            >
            ${allAlwaysOpen ? nothing : this.#status(contact, helpline, t, locale, now, statusId)}
          </li>`;
        })}
      </ul>
    </li>`;
  }

  override render() {
    const locale = this.localeInEffect;
    const t = this.t;
    const answer = this._answer;
    const code = (this.country ?? "").trim().toUpperCase();
    const country = answer?.country ?? this._countries?.find((c) => c.code === code) ?? null;
    const emergency = country?.emergencyNumber;
    const unknownCountry = this._invalidCountry || (answer !== null && answer.country === null);
    const now = this.now();
    // The number sits where the language puts it ("rufen Sie die 111 an"); a host's override without {number} ends with it.
    const [before, after = ""] = (t.emergency.includes("{number}") ? t.emergency : `${t.emergency} {number}`).split("{number}");
    return html`<div part="base" aria-busy=${this._loading ? "true" : "false"}>
      ${
        emergency
          ? html`<p part="emergency" class="emergency">${before}<a part="emergency-link" href="tel:${emergency.replace(/[^\d+*#]/g, "")}">${emergency}</a>${after}</p>`
          : nothing
      }
      <p class="visually-hidden" role="status">${this._loading ? t.loading : answer ? t.helplinesCount(answer.helplines.length) : ""}</p>
      ${unknownCountry ? html`<p part="message" class="message">${t.unknownCountry}</p>` : nothing}
      ${
        this._error
          ? html`<div part="message" class="message" role="alert">
            <p>${t.helplinesError}</p>
            <button type="button" @click=${() => this.reload()}>${t.retry}</button>
          </div>`
          : nothing
      }
      ${answer?.unknownTopic && country ? html`<p part="message" class="message">${t.unknownTopic(this.#countryName(country, locale))}</p>` : nothing}
      ${answer?.country && answer.helplines.length === 0 && !this._loading ? html`<p part="message" class="message">${t.noHelplines}</p>` : nothing}
      ${answer && answer.helplines.length > 0 ? html`<ul part="list" class="list" role="list">${answer.helplines.map((h) => this.#helpline(h, t, locale, now, answer.pair))}</ul>` : nothing}
      ${answer?.stale ? html`<p part="message" class="stale">${t.staleNote}</p>` : nothing}
    </div>`;
  }

  /** The country's name in the page's language when the browser knows it, else ThroughLine's. */
  #countryName(country: Country, locale: string): string {
    try {
      return new Intl.DisplayNames([locale], { type: "region" }).of(country.code) ?? country.name;
    } catch {
      return country.name;
    }
  }
}
