import { adoptStyles, LitElement, type PropertyDeclarations } from "lit";
import { BffError, bffBase } from "./bff-client.ts";
import { defineElement } from "./define.ts";
import { effectiveLocale, type Translations } from "./localize.ts";
import { warnAttribute } from "./warn.ts";

/** What every element's error event (`thron-error`, `thunder-error`, `throughline-error`) carries. */
export interface EmbedkitErrorDetail {
  /** The BFF's HTTP status; 0 when the BFF could not be reached (network, CORS). */
  status: number;
  title: string;
  detail?: string;
}

/** The detail type of a custom event named in GlobalEventHandlersEventMap (each element declares its own). */
export type EventDetail<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Largest page of results the BFF answers. */
const MAX_LIMIT = 50;

/**
 * Base of every Embedkit element: the attributes they all have (`bff`, `locale`), their strings
 * in the locale in effect with the host's overrides, and typed events that cross shadow roots.
 */
export class EmbedkitElement<S extends object = object> extends LitElement {
  static override properties: PropertyDeclarations = {
    bff: { type: String },
    locale: { type: String },
    strings: { attribute: false },
  };

  /** Registers the element as `tag`, unless a second bundle on the page did already (see defineElement). */
  static define(tag: string): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the element being defined, a subclass.
    defineElement(tag, this);
  }

  /** BFF base URL; defaults to the origin the bundle was loaded from. */
  declare bff: string | undefined;
  /** BCP 47 locale of titles and strings; defaults to the closest `lang`, then the page's language. */
  declare locale: string | undefined;
  /** Overrides of the element's strings. */
  declare strings: Partial<S>;

  readonly #translations: Translations<S>;

  /** `translations`: the element's strings, English bundled (see localize.ts). */
  constructor(translations: Translations<S>) {
    super();
    this.#translations = translations;
    this.strings = {};
  }

  /** The BFF this element calls. */
  protected get bffBase(): string {
    return bffBase(this.bff);
  }

  /** The BCP 47 tag in effect: `locale`, else the closest `lang`, else the page's. */
  protected get localeInEffect(): string {
    return effectiveLocale(this, this.locale);
  }

  /** The element's strings in the locale in effect, with the host's overrides. */
  protected get t(): S {
    return this.#translations.strings(this.localeInEffect, this.strings);
  }

  /** Dispatches a bubbling, composed CustomEvent; returns false when a listener cancelled it. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    name: K,
    detail: EventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /** Any failure as the BffError it stands for, announced in the element's error event. */
  protected emitError(name: "thron-error" | "thunder-error" | "throughline-error", error: unknown): BffError {
    const failure = error instanceof BffError ? error : new BffError(0, { title: String(error) });
    const detail: EmbedkitErrorDetail = { status: failure.status, title: failure.problem.title ?? failure.message };
    if (failure.problem.detail) detail.detail = failure.problem.detail;
    this.emit(name, detail as EventDetail<typeof name>);
    return failure;
  }

  /**
   * A page size (the `attribute`'s value) as the BFF takes it: rounded and kept within 1 to 50,
   * `fallback` when it is no number, with a console note for the editor when it was changed.
   */
  protected limitOf(attribute: string, value: number, fallback: number): number {
    const whole = Math.round(value);
    const limit = whole ? Math.min(MAX_LIMIT, Math.max(1, whole)) : fallback;
    if (limit !== value && this.hasAttribute(attribute))
      warnAttribute(this, attribute, this.getAttribute(attribute), `a whole number from 1 to ${MAX_LIMIT}; using ${limit}`);
    return limit;
  }

  /**
   * A server-rendered shadow root is taken over as it is (see define.ts); its `<style>` may be
   * blocked by the page's CSP, so the element's styles are adopted as on a client render.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const serverRendered = this.shadowRoot !== null;
    const root = super.createRenderRoot();
    if (serverRendered && root instanceof ShadowRoot) adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  /** Renders wait until a language other than English has arrived, so a page in Italian never flashes English. */
  protected override scheduleUpdate() {
    const pending = this.#translations.ready(this.localeInEffect);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
