import type { LaunchMethod, ThunderAngle, ThunderLeague } from "@embedkit/contracts";
import { isMessageMethod } from "@embedkit/contracts/thunder-vocabulary";
import { html, nothing, type PropertyValues } from "lit";
import { BffError } from "../internal/bff-client.ts";
import { EmbedkitElement } from "../internal/embedkit-element.ts";
import { requestLaunch } from "../internal/thunder-client.ts";
import { warnAttribute } from "../internal/warn.ts";
import { onTouchDevice, watchAppHandoff } from "./app-handoff.ts";
import { type AttributeProblem, attributeProblems, isLaunchable, listOf, opensThunderApp } from "./launch-input.ts";
import { navigation } from "./navigation.ts";
import { type ThunderLaunchButtonStrings, translated } from "./strings.ts";
import { styles } from "./thunder-launch-button.styles.ts";

/**
 * A button that opens plays, edits, GSIS, STATS or MessageXML ids in Thunder, through the BFF:
 * the browser never sees Thunder credentials, and the element keeps no token or ticket after a
 * click. It navigates only to `thundercloud:` or http(s) launch addresses; when a
 * `thundercloud:` link has not taken over after about two seconds it says Thunder may not be
 * installed and offers to copy the link.
 *
 * @tagname thunder-launch-button
 * @slot - The button's label (default: a localised "Open in Thunder").
 *
 * @event thunder-launch - A launch URL was minted; the element then navigates to it. Cancel it to open the URL yourself. `detail: {method, ids, url, expiresAt}`.
 * @event thunder-error - The launch failed. `detail: {status, title, detail}`.
 *
 * @csspart button - The button.
 * @csspart message - The localised error message.
 * @csspart hint - The "Thunder may not be installed" note and its copy button.
 * @csspart copy - The button that copies the launch link.
 *
 * @cssproperty --thunder-launch-button-background - Button background.
 * @cssproperty --thunder-launch-button-color - Button text colour.
 * @cssproperty --thunder-launch-button-border - Button border colour.
 * @cssproperty [--thunder-launch-button-radius=0.4rem] - Corner radius.
 * @cssproperty [--thunder-launch-button-padding=0.55rem 1.1rem] - Button padding.
 * @cssproperty --thunder-launch-button-focus-ring - Focus outline colour.
 * @cssproperty --thunder-launch-button-error-color - Error message colour (default: a red that keeps AA contrast in light and dark color schemes).
 */
export class ThunderLaunchButton extends EmbedkitElement<ThunderLaunchButtonStrings> {
  static override styles = styles;
  static override shadowRootOptions = { ...EmbedkitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    method: { type: String },
    ids: { type: String },
    league: { type: String },
    angles: { type: String },
    ticket: { type: String },
    ticketUrl: { type: String, attribute: "ticket-url" },
    _busy: { state: true },
    _message: { state: true },
    _hint: { state: true },
  };

  /** plays, edits, gsis, gsis-nonpro, stats, xos-message, gsis-message or pff-message. */
  declare method: string;
  /** Ids to launch, separated by commas or spaces. */
  declare ids: string;
  /** MessageXML methods: NFL (default), NCAA, AAF, XFL or CFL. */
  declare league: string | undefined;
  /** MessageXML methods: angles to show, separated by spaces or commas (sideline, endzone, scoreboard, tv-broadcast, no-media). */
  declare angles: string | undefined;
  /** A ticket the host site issued for this user (when the BFF requires tickets). */
  declare ticket: string | undefined;
  /** A URL on the host site answering `{ticket}` (or the ticket as text); fetched with the user's cookies at each click. */
  declare ticketUrl: string | undefined;

  /** How long a `thundercloud:` link has to take over before the element suggests Thunder is not installed. */
  appWaitMs = 2_000;
  /** How long the window may be away (the browser's "open this application?" prompt) and still count as Thunder not opening. */
  promptWaitMs = 10_000;
  #stopWatching: () => void = () => {};

  declare _busy: boolean;
  declare _message: string;
  /** "not-installed", "copied" or "manual" while the hint shows; "" otherwise. */
  declare _hint: "" | "not-installed" | "copied" | "manual";
  /** The link the hint offers to copy: held only while the hint shows. */
  #hintUrl = "";

  constructor() {
    super(translated);
    this.method = "plays";
    this.ids = "";
    this._busy = false;
    this._message = "";
    this._hint = "";
  }

  /** The ids as a list. */
  get idList(): string[] {
    return listOf(this.ids);
  }

  get #problems(): AttributeProblem[] {
    return attributeProblems(this.method, this.idList, this.league || undefined, listOf(this.angles));
  }

  get #launchable(): boolean {
    return this.idList.length > 0 && this.#problems.length === 0;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An author who typed a wrong attribute learns which, and what it accepts, once per mistake.
    for (const { attribute, value, expected } of this.#problems) warnAttribute(this, attribute, value, expected);
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
    this.#clearHint();
    const t = this.t;
    const method = this.method as LaunchMethod;
    const ids = this.idList;
    const message = isMessageMethod(method);
    const angles = listOf(this.angles) as ThunderAngle[];
    try {
      const ticket = await this.#ticket();
      const { url, expiresAt } = await requestLaunch(this.bffBase, {
        method,
        ids,
        ...(message && this.league && { league: this.league as ThunderLeague }),
        ...(message && angles.length > 0 && { angles }),
        ...(ticket && { ticket }),
      });
      this._busy = false;
      if (!isLaunchable(url)) throw new BffError(502, { title: "The BFF answered a launch URL the element will not open" });
      if (this.emit("thunder-launch", { method, ids, url, expiresAt }, { cancelable: true })) this.#open(url);
    } catch (error) {
      this._busy = false;
      this._message = t.launchErrors[messageKind(this.emitError("thunder-error", error).status)];
    }
  }

  /**
   * Opens the URL. A `thundercloud:` link leaves the page in place; when no app takes over
   * (see app-handoff.ts) the hint says Thunder may not be installed.
   */
  #open(url: string): void {
    this.#stopWatching();
    // Watching starts first: the browser's prompt can blur the window during the navigation.
    if (opensThunderApp(url))
      this.#stopWatching = watchAppHandoff({ appWaitMs: this.appWaitMs, promptWaitMs: this.promptWaitMs }, () => {
        this.#hintUrl = url;
        this._hint = "not-installed";
      });
    navigation.assign(url);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching();
  }

  #clearHint(): void {
    this.#hintUrl = "";
    this._hint = "";
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#hintUrl);
      this._hint = "copied";
    } catch {
      // No clipboard access (permissions, an old browser): the link is shown to copy by hand.
      this._hint = "manual";
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(".link")?.select();
    }
  }

  /** Always rendered: a live region announces what is put in it, not a region that appears with its text. */
  #renderHint(t: ThunderLaunchButtonStrings) {
    return html`<div part="hint" class="hint" role="status">
      ${this._hint ? html`<span>${this._hint === "copied" ? t.linkCopied : onTouchDevice() ? t.notInstalledOnTouch : t.notInstalled}</span>` : nothing}
      ${
        // Still there once copied, so keyboard focus stays where it was.
        this._hint === "not-installed" || this._hint === "copied"
          ? html`<button part="copy" class="copy" type="button" @click=${() => this.#copy()}>${t.copyLink}</button>`
          : nothing
      }
      ${
        this._hint === "manual"
          ? html`<label>${t.copyManually} <input class="link" readonly .value=${this.#hintUrl} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const t = this.t;
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
      <p id="message" part="message" class="message" role="alert">${this._message}</p>
      ${this.#renderHint(t)}`;
  }
}

function messageKind(status: number): keyof ThunderLaunchButtonStrings["launchErrors"] {
  if (status === 401) return "ticket";
  if (status === 403) return "forbidden";
  if (status === 429) return "busy";
  if (status === 400) return "invalid";
  if (status === 0) return "network";
  return "unavailable";
}
