import type { Contact, Helpline, HelplinesResponse } from "@embedkit/contracts";
import { html, nothing, type PropertyValues } from "lit";
import { BffError, bffBase, bffUrl, getJson, postJson } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { effectiveLocale, type Strings, stringsFor } from "../internal/localize.ts";
import { formatHours } from "./opening-hours.ts";
import { styles } from "./throughline-helplines.styles.ts";

export interface ThroughLineContactDetail {
  helplineId: string;
  helplineName: string;
  type: Contact["type"];
  href: string;
}

/**
 * Helplines of a country (and topic) from ThroughLine, through the Embedkit BFF, with their
 * contact actions, the country's emergency number and opening hours. Paired services (adult and
 * youth, two languages) are always shown together.
 *
 * @tagname throughline-helplines
 * @event throughline-contact - A contact action was chosen; cancel it to handle the contact yourself. `detail: {helplineId, helplineName, type, href}`.
 * @event throughline-error - Loading failed. `detail: {status, title}`.
 *
 * @csspart base - The wrapper.
 * @csspart emergency - The emergency number notice.
 * @csspart list - The list of helplines.
 * @csspart helpline - One helpline.
 * @csspart name - A helpline's name.
 * @csspart description - A helpline's description.
 * @csspart hours - A helpline's opening hours.
 * @csspart contact - A contact action link.
 * @csspart message - Empty, error and out-of-date notes.
 *
 * @cssproperty --throughline-helplines-color - Text colour.
 * @cssproperty --throughline-helplines-accent - Contact links and the paired-service marker.
 * @cssproperty --throughline-helplines-border - Helpline border colour.
 * @cssproperty --throughline-helplines-background - Helpline background.
 * @cssproperty [--throughline-helplines-radius=0.5rem] - Corner radius.
 * @cssproperty [--throughline-helplines-gap=0.75rem] - Space between helplines.
 * @cssproperty --throughline-helplines-emergency-background - Emergency notice background.
 * @cssproperty --throughline-helplines-emergency-color - Emergency notice text colour.
 * @cssproperty --throughline-helplines-focus-ring - Focus outline colour.
 */
export class ThroughLineHelplines extends EmbedkitElement {
  static override styles = styles;
  static override properties = {
    bff: { type: String },
    country: { type: String },
    topic: { type: String },
    priority: { type: Boolean },
    limit: { type: Number },
    locale: { type: String },
    reportEvents: { type: Boolean, attribute: "report-events" },
    strings: { attribute: false },
    _answer: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  /** BFF base URL; defaults to the origin the bundle was loaded from. */
  declare bff: string | undefined;
  /** ISO 3166 country code, such as US or NZ. */
  declare country: string;
  /** Topic name or code, such as `suicidal-thoughts`. */
  declare topic: string | undefined;
  /** Only ThroughLine's curated short list. */
  declare priority: boolean;
  /** Helplines to show at most (1–50). */
  declare limit: number;
  /** BCP 47 locale of the strings; defaults to the page's language. */
  declare locale: string | undefined;
  /** Report displays and contact clicks to ThroughLine through the BFF. */
  declare reportEvents: boolean;
  /** Overrides of the element's strings. */
  declare strings: Partial<Strings>;

  declare _answer: HelplinesResponse | null;
  declare _loading: boolean;
  declare _error: BffError | null;
  #abort: AbortController | null = null;
  // getRandomValues, not randomUUID: the host page may not be a secure context.
  readonly #sessionId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  readonly #reported = new Set<string>();

  constructor() {
    super();
    this.country = "";
    this.priority = false;
    this.limit = 5;
    this.reportEvents = false;
    this.strings = {};
    this._answer = null;
    this._loading = false;
    this._error = null;
  }

  /** Helplines shown now. */
  get helplines(): readonly Helpline[] {
    return this._answer?.helplines ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (["bff", "country", "topic", "priority", "limit"].some((p) => changed.has(p as keyof ThroughLineHelplines))) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override updated(): void {
    if (this.reportEvents) for (const helpline of this.helplines) this.#report(helpline.id);
  }

  /** Loads the helplines again. */
  async reload(): Promise<void> {
    this.#abort?.abort();
    if (!/^[A-Za-z]{2}$/.test(this.country)) {
      this._answer = null;
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this._loading = true;
    this._error = null;
    const url = bffUrl(bffBase(this.bff), "/v1/throughline/helplines", {
      country: this.country,
      topic: this.topic,
      priority: this.priority ? "true" : undefined,
      limit: Math.min(50, Math.max(1, Math.round(this.limit) || 5)),
    });
    try {
      const answer = await getJson<HelplinesResponse>(url, abort.signal);
      if (abort.signal.aborted) return;
      this._answer = answer;
      this._loading = false;
    } catch (error) {
      if (abort.signal.aborted) return;
      this._loading = false;
      this._error = error instanceof BffError ? error : new BffError(0, { title: String(error) });
      this.emit("throughline-error", { status: this._error.status, title: this._error.problem.title ?? this._error.message });
    }
  }

  #report(helplineId: string, contactMethod?: Contact["type"]): void {
    const key = contactMethod ? `${helplineId}:${contactMethod}:${Date.now()}` : helplineId;
    if (!contactMethod && this.#reported.has(key)) return;
    this.#reported.add(key);
    const event = {
      type: contactMethod ? "click" : "display",
      helplineId,
      sessionId: this.#sessionId,
      ...(contactMethod && { contactMethod }),
    };
    postJson(bffUrl(bffBase(this.bff), "/v1/throughline/events"), event).catch(() => {}); // best effort
  }

  #onContact(event: MouseEvent, helpline: Helpline, contact: Contact): void {
    const proceed = this.emit<ThroughLineContactDetail>(
      "throughline-contact",
      { helplineId: helpline.id, helplineName: helpline.name, type: contact.type, href: contact.href },
      { cancelable: true },
    );
    if (!proceed) event.preventDefault();
    if (this.reportEvents) this.#report(helpline.id, contact.type);
  }

  #helpline(helpline: Helpline, t: Strings, locale: string) {
    const external = (contact: Contact) => contact.href.startsWith("http");
    return html`<li part="helpline" class="helpline ${helpline.pairedWith ? "paired" : ""}">
      <h3 part="name">${helpline.name}</h3>
      ${helpline.description ? html`<p part="description" class="description">${helpline.description}</p>` : nothing}
      ${helpline.hours ? html`<p part="hours" class="hours">${formatHours(helpline.hours, locale, t.open247)}</p>` : nothing}
      <ul class="contacts" role="list">
        ${helpline.contacts.map((contact) => {
          const visible =
            contact.type === "phone" || contact.type === "sms"
              ? `${t.contactActions[contact.type]} ${contact.label}`
              : t.contactActions[contact.type];
          // The name starts with the visible text (WCAG 2.5.3), then says which helpline.
          return html`<li>
            <a
              part="contact contact-${contact.type}"
              href=${contact.href}
              target=${external(contact) ? "_blank" : "_self"}
              rel=${external(contact) ? "noopener noreferrer" : nothing}
              aria-label="${visible}, ${helpline.name}"
              @click=${(e: MouseEvent) => this.#onContact(e, helpline, contact)}
              >${visible}</a
            >
          </li>`;
        })}
      </ul>
    </li>`;
  }

  override render() {
    const locale = effectiveLocale(this, this.locale);
    const t = stringsFor(locale, this.strings);
    const answer = this._answer;
    const emergency = answer?.country?.emergencyNumber;
    return html`<div part="base" aria-busy=${this._loading ? "true" : "false"}>
      ${emergency ? html`<p part="emergency" class="emergency">${t.emergency} <a href="tel:${emergency}">${emergency}</a>.</p>` : nothing}
      <p class="visually-hidden" role="status">${this._loading ? t.loading : answer ? t.helplinesCount(answer.helplines.length) : ""}</p>
      ${
        this._error
          ? html`<div part="message" class="message" role="alert">
            <p>${t.helplinesError}</p>
            <button type="button" @click=${() => this.reload()}>${t.retry}</button>
          </div>`
          : nothing
      }
      ${answer && answer.helplines.length === 0 && !this._loading ? html`<p part="message" class="message">${t.noHelplines}</p>` : nothing}
      ${answer ? html`<ul part="list" class="list" role="list">${answer.helplines.map((h) => this.#helpline(h, t, locale))}</ul>` : nothing}
      ${answer?.stale ? html`<p part="message" class="stale">${t.staleNote}</p>` : nothing}
    </div>`;
  }
}
