import type { LaunchMethod, LaunchResponse } from "@embedkit/contracts";
import { html, nothing } from "lit";
import { BffError, bffBase, bffUrl, postJson } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { effectiveLocale, type Strings, stringsFor } from "../internal/localize.ts";
import { styles } from "./thunder-launch-button.styles.ts";

export interface ThunderLaunchDetail {
  method: LaunchMethod;
  ids: string[];
  /** Opening it launches Thunder; the element navigates to it unless the event is cancelled. */
  url: string;
  expiresAt: string;
}

export interface ThunderErrorDetail {
  status: number;
  title: string;
  detail?: string;
}

const METHODS: readonly string[] = ["plays", "edits", "gsis", "gsis-nonpro", "stats"];

/**
 * A button that opens plays, edits, GSIS or STATS ids in Thunder, through the BFF: the browser
 * never sees Thunder credentials, and the element keeps no token or ticket after a click.
 *
 * @tagname thunder-launch-button
 * @slot - The button's label (default: a localised "Open in Thunder").
 *
 * @event thunder-launch - A launch URL was minted; the element then navigates to it. Cancel it to open the URL yourself. `detail: {method, ids, url, expiresAt}`.
 * @event thunder-error - The launch failed. `detail: {status, title, detail}`.
 *
 * @csspart button - The button.
 * @csspart message - The localised error message.
 *
 * @cssproperty --thunder-launch-button-background - Button background.
 * @cssproperty --thunder-launch-button-color - Button text colour.
 * @cssproperty --thunder-launch-button-border - Button border colour.
 * @cssproperty [--thunder-launch-button-radius=0.4rem] - Corner radius.
 * @cssproperty [--thunder-launch-button-padding=0.55rem 1.1rem] - Button padding.
 * @cssproperty --thunder-launch-button-focus-ring - Focus outline colour.
 * @cssproperty --thunder-launch-button-error-color - Error message colour.
 */
export class ThunderLaunchButton extends EmbedkitElement {
  static override styles = styles;
  static override shadowRootOptions = { ...EmbedkitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    bff: { type: String },
    method: { type: String },
    ids: { type: String },
    ticket: { type: String },
    ticketUrl: { type: String, attribute: "ticket-url" },
    locale: { type: String },
    strings: { attribute: false },
    _busy: { state: true },
    _message: { state: true },
  };

  /** BFF base URL; defaults to the origin the bundle was loaded from. */
  declare bff: string | undefined;
  /** plays, edits, gsis, gsis-nonpro or stats. */
  declare method: string;
  /** Ids to launch, separated by commas or spaces. */
  declare ids: string;
  /** A ticket the host site issued for this user (when the BFF requires tickets). */
  declare ticket: string | undefined;
  /** A URL on the host site answering `{ticket}` (or the ticket as text); fetched with the user's cookies at each click. */
  declare ticketUrl: string | undefined;
  /** BCP 47 locale of the strings; defaults to the page's language. */
  declare locale: string | undefined;
  /** Overrides of the element's strings. */
  declare strings: Partial<Strings>;

  declare _busy: boolean;
  declare _message: string;

  constructor() {
    super();
    this.method = "plays";
    this.ids = "";
    this.strings = {};
    this._busy = false;
    this._message = "";
  }

  /** The ids as a list. */
  get idList(): string[] {
    return this.ids
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean);
  }

  get #launchable(): boolean {
    return this.idList.length > 0 && METHODS.includes(this.method);
  }

  async #ticket(): Promise<string | undefined> {
    if (!this.ticketUrl) return this.ticket || undefined;
    // The host's own endpoint, which knows its signed-in user by its cookies.
    const response = await fetch(this.ticketUrl, { credentials: "include", headers: { accept: "application/json, text/plain" } }).catch(
      () => {
        throw new BffError(0, { title: "Network error" });
      },
    );
    if (!response.ok) throw new BffError(401, { title: "No ticket", detail: `The host's ticket URL answered ${response.status}.` });
    const text = (await response.text()).trim();
    try {
      const json = JSON.parse(text) as { ticket?: unknown } | string;
      return typeof json === "string" ? json : typeof json.ticket === "string" ? json.ticket : undefined;
    } catch {
      return text || undefined;
    }
  }

  /**
   * Mints a launch URL through the BFF and opens it. While it runs the button stays focusable
   * (aria-disabled, not disabled), so keyboard users keep their place; extra clicks are ignored.
   */
  async launch(): Promise<void> {
    if (this._busy || !this.#launchable) return;
    this._busy = true;
    this._message = "";
    const t = stringsFor(effectiveLocale(this, this.locale), this.strings);
    const method = this.method as LaunchMethod;
    const ids = this.idList;
    try {
      const ticket = await this.#ticket();
      const { url, expiresAt } = await postJson<LaunchResponse>(bffUrl(bffBase(this.bff), "/v1/thunder/launch"), {
        method,
        ids,
        ...(ticket && { ticket }),
      });
      this._busy = false;
      if (this.emit<ThunderLaunchDetail>("thunder-launch", { method, ids, url, expiresAt }, { cancelable: true }))
        window.location.assign(url);
    } catch (error) {
      this._busy = false;
      const failure = error instanceof BffError ? error : new BffError(0, { title: String(error) });
      this._message = t.launchErrors[messageKind(failure.status)];
      this.emit<ThunderErrorDetail>("thunder-error", {
        status: failure.status,
        title: failure.problem.title ?? failure.message,
        ...(failure.problem.detail && { detail: failure.problem.detail }),
      });
    }
  }

  override render() {
    const t = stringsFor(effectiveLocale(this, this.locale), this.strings);
    return html`<button
        part="button"
        type="button"
        ?disabled=${!this.#launchable}
        aria-disabled=${this._busy ? "true" : "false"}
        aria-busy=${this._busy ? "true" : "false"}
        aria-describedby="message"
        @click=${() => this.launch()}
      >
        ${this._busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        <slot>${t.launch}</slot>
        ${this._busy ? html`<span class="visually-hidden">${t.launching}</span>` : nothing}
      </button>
      <p id="message" part="message" class="message" role="alert">${this._message}</p>`;
  }
}

function messageKind(status: number): keyof Strings["launchErrors"] {
  if (status === 401) return "ticket";
  if (status === 403) return "forbidden";
  if (status === 429) return "busy";
  if (status === 400) return "invalid";
  if (status === 0) return "network";
  return "unavailable";
}
