import { expect } from "@open-wc/testing";
import { executeServerCommand, sendKeys } from "@web/test-runner-commands";
import { firstEvent, mount, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThroughLineContactDetail, ThroughLineHelplines } from "./throughline-helplines.ts";
import "./throughline-helplines.ts";

async function helplines(attributes: Record<string, string | boolean>, container = mount()) {
  const el = document.createElement("throughline-helplines") as ThroughLineHelplines;
  el.setAttribute("bff", TEST_BFF);
  for (const [name, value] of Object.entries(attributes)) if (value !== false) el.setAttribute(name, value === true ? "" : value);
  container.append(el);
  await until(() => !el._loading && (el._answer !== null || el._error !== null || el._invalidCountry), "the helplines to load");
  await el.updateComplete;
  return { el, shadow: el.shadowRoot as ShadowRoot };
}

const names = (shadow: ShadowRoot) => [...shadow.querySelectorAll('[part="name"]')].map((n) => n.textContent);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, " ").trim() ?? "";
/** Each contact of a helpline: its link text and what it says about its hours. */
function contactsOf(shadow: ShadowRoot, name: string) {
  const helpline = [...shadow.querySelectorAll('[part="helpline"]')].find((h) => text(h.querySelector('[part="name"]')) === name);
  return [...(helpline?.querySelectorAll("li.contact") ?? [])].map((li) => ({
    link: text(li.querySelector("a")),
    status: text(li.querySelector('[part="contact-status"]')),
    hours: text(li.querySelector('[part="hours"]')),
  }));
}

/** Collects console.warn lines while `run` runs (the editor's messages). */
async function warnings(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return lines;
}

describe("<throughline-helplines>", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("lists a country's helplines for a topic with contact actions, hours and the emergency number", async () => {
    const { shadow } = await helplines({ country: "US", topic: "suicidal-thoughts", limit: "3" });
    expect(names(shadow)[0]).to.equal("988 Suicide & Crisis Lifeline");
    const emergency = shadow.querySelector('[part="emergency"] a') as HTMLAnchorElement;
    expect(emergency.getAttribute("href")).to.equal("tel:911");
    const first = shadow.querySelector('[part="helpline"]') as HTMLElement;
    const links = [...first.querySelectorAll("a")].map((a) => [a.textContent?.trim(), a.getAttribute("href")]);
    expect(links).to.deep.equal([
      ["Call 988", "tel:988"],
      ["Text 988", "sms:988"],
      ["Chat online", "https://988lifeline.example/chat"],
      ["Website", "https://988lifeline.example/"],
    ]);
    expect(first.querySelector("a")?.getAttribute("aria-label")).to.equal("Call 988, 988 Suicide & Crisis Lifeline");
    expect(text(first.querySelector('[part="hours"]'))).to.equal("Open 24/7");
    expect(first.querySelectorAll('[part="contact-status"]'), "said once for the helpline, not per contact").to.have.length(0);
    expect(getComputedStyle(first.querySelector('[part="description"]') as Element).whiteSpace).to.equal("pre-line");
  });

  it("shows paired services together, in the page's language, with each contact's own weekly hours", async () => {
    const { shadow } = await helplines({ country: "NZ", topic: "anxiety", priority: true, locale: "it" });
    expect(names(shadow)).to.deep.equal(["Lifeline Aotearoa", "Youthline"]);
    expect(shadow.querySelectorAll(".helpline.paired")).to.have.length(2);
    expect(text(shadow.querySelector('[part="emergency"]'))).to.contain("chiama il 111");
    const [phone, sms, chat] = contactsOf(shadow, "Youthline");
    expect(phone?.hours).to.match(/^lun–ven 09:00–23:00 · sab 10:00–18:00$/i);
    expect(sms?.hours).to.match(/^lun–dom 08:00–00:00$/i);
    expect(chat?.hours).to.match(/16:00–22:00/);
    expect(shadow.querySelector('[part="helpline"] a[href^="tel:"]')?.textContent).to.equal("Chiama 0800 543 354");
    const lifeline = text(shadow.querySelector('[part="helpline"]'));
    expect(lifeline.match(/24 ore su 24/g), "24/7 said once").to.have.length(1);
  });

  it("never shows one service of a priority pair without the other, whatever its limit", async () => {
    for (const topic of ["suicidal-thoughts", "domestic-violence"]) {
      const { el, shadow } = await helplines({ country: "NZ", topic, priority: true, limit: "1" });
      expect(names(shadow), topic).to.have.length(2);
      expect(shadow.querySelectorAll(".helpline.paired"), topic).to.have.length(2);
      await expect(el).to.be.accessible();
    }
    const { shadow } = await helplines({ country: "US", topic: "suicidal-thoughts", priority: true, limit: "2" });
    expect(shadow.querySelectorAll(".helpline.paired"), "two of a longer list are no pair").to.have.length(0);
  });

  it("links WhatsApp by wa.me only for a number in international form, and calls a national one, shown as written", async () => {
    const { el, shadow } = await helplines({ country: "NZ", topic: "suicidal-thoughts", priority: true });
    const whatsapp = [...shadow.querySelectorAll('a[part~="contact-whatsapp"]')].map((a) => [text(a), a.getAttribute("href")]);
    expect(whatsapp).to.deep.equal([
      ["WhatsApp", "https://wa.me/64210543354"],
      ["WhatsApp 021 376 633", "tel:021376633"],
    ]);
    await expect(el).to.be.accessible();
  });

  it("says per contact whether it is open now and when it closes or opens, in the helpline's time zone, as the clock moves", async () => {
    const { el, shadow } = await helplines({ country: "NZ", topic: "anxiety", priority: true });
    el.now = () => new Date("2026-11-18T03:00:00Z"); // Wednesday 16:00 in Auckland
    el.requestUpdate();
    await el.updateComplete;
    const [phone, sms] = contactsOf(shadow, "Youthline");
    expect(phone?.status).to.equal("Open now · closes at 23:00");
    expect(sms?.status).to.equal("Open now · closes at midnight");
    el.now = () => new Date("2026-11-22T10:30:00Z"); // Sunday 23:30 in Auckland: the same answer, a later clock
    el.requestUpdate();
    await el.updateComplete;
    const [phoneLater, smsLater] = contactsOf(shadow, "Youthline");
    expect(phoneLater?.status).to.equal("Closed · opens tomorrow at 09:00");
    expect(smsLater?.status, "a close at Sunday midnight ends Sunday").to.equal("Open now · closes at midnight");
    await expect(el).to.be.accessible();
  });

  /** Each language's own sentences: midnight, today, tomorrow, a weekday, and where the emergency number sits. */
  const SENTENCES = {
    en: {
      emergency: "If you are in immediate danger, call 111",
      today: "Open now · closes at 23:00",
      midnight: "Open now · closes at midnight",
      tomorrow: "Closed · opens tomorrow at 09:00",
      weekday: "Closed · opens Monday at 09:00",
      pastMidnight: "Open now · closes tomorrow at 05:00",
    },
    it: {
      emergency: "Se sei in pericolo immediato, chiama il 111",
      today: "Aperto ora · chiude alle 23:00",
      midnight: "Aperto ora · chiude a mezzanotte",
      tomorrow: "Chiuso · apre domani alle 09:00",
      weekday: "Chiuso · apre lunedì alle 09:00",
      pastMidnight: "Aperto ora · chiude domani alle 05:00",
    },
    de: {
      emergency: "Wenn Sie in akuter Gefahr sind, rufen Sie die 111 an",
      today: "Jetzt geöffnet · schließt um 23:00 Uhr",
      midnight: "Jetzt geöffnet · schließt um Mitternacht",
      tomorrow: "Geschlossen · öffnet morgen um 09:00 Uhr",
      weekday: "Geschlossen · öffnet am Montag um 09:00 Uhr",
      pastMidnight: "Jetzt geöffnet · schließt morgen um 05:00 Uhr",
    },
    fr: {
      emergency: "En cas de danger immédiat, appelez le 111",
      today: "Ouvert · ferme à 23:00",
      midnight: "Ouvert · ferme à minuit",
      tomorrow: "Fermé · ouvre demain à 09:00",
      weekday: "Fermé · ouvre lundi à 09:00",
      pastMidnight: "Ouvert · ferme demain à 05:00",
    },
    es: {
      emergency: "Si está en peligro inmediato, llame al 111",
      today: "Abierto ahora · cierra a las 23:00",
      midnight: "Abierto ahora · cierra a medianoche",
      tomorrow: "Cerrado · abre mañana a las 09:00",
      weekday: "Cerrado · abre el lunes a las 09:00",
      pastMidnight: "Abierto ahora · cierra mañana a las 05:00",
    },
  };
  for (const [locale, said] of Object.entries(SENTENCES)) {
    it(`says when a contact closes or opens in ${locale}'s own sentences`, async () => {
      const { el, shadow } = await helplines({ country: "NZ", topic: "anxiety", priority: true, locale });
      await until(() => text(shadow.querySelector('[part="emergency"]')) === said.emergency, `the ${locale} emergency sentence`);
      const at = async (iso: string) => {
        el.now = () => new Date(iso);
        el.requestUpdate();
        await el.updateComplete;
        return contactsOf(shadow, "Youthline").map((c) => c.status);
      };
      expect((await at("2026-11-18T03:00:00Z")).slice(0, 2), "Wednesday 16:00 in Auckland").to.deep.equal([said.today, said.midnight]);
      expect((await at("2026-11-22T10:30:00Z")).slice(0, 2), "Sunday 23:30").to.deep.equal([said.tomorrow, said.midnight]);
      expect((await at("2026-11-21T07:00:00Z"))[0], "Saturday 20:00").to.equal(said.weekday);
      await expect(el).to.be.accessible();
      const us = await helplines({ country: "US", topic: "domestic-violence", locale });
      us.el.now = () => new Date("2026-11-18T03:00:00Z"); // Tuesday 21:00 in Chicago
      us.el.requestUpdate();
      await us.el.updateComplete;
      const [, sms] = contactsOf(us.shadow, "National Domestic Violence Hotline");
      expect(sms?.status, "17:00–05:00 at 21:00").to.equal(said.pastMidnight);
    });
  }

  it("gives a link of a type it does not know its own hours and status", async () => {
    const { el, shadow } = await helplines({ country: "US", topic: "anxiety", limit: "50" });
    el.now = () => new Date("2026-11-17T17:00:00Z"); // Tuesday 12:00 in New York
    el.requestUpdate();
    await el.updateComplete;
    const website = contactsOf(shadow, "Crisis Text Line").find((c) => c.link === "Website");
    expect(website).to.deep.equal({ link: "Website", status: "Open now · closes at 17:00", hours: "Mon–Fri 09:00–17:00" });
    await expect(el).to.be.accessible();
  });

  it("keeps a closed helpline's contacts visible and says when they open", async () => {
    const { el, shadow } = await helplines({ country: "NZ", topic: "substance-use" });
    const [phone, sms] = contactsOf(shadow, "Alcohol Drug Helpline");
    expect(phone?.link).to.equal("Call 0800 787 797");
    expect(phone?.status).to.match(/^Closed · opens \w+day at 10:00$/);
    const link = shadow.querySelector('a[href="tel:0800787797"]') as HTMLAnchorElement;
    const described = shadow.getElementById(link.getAttribute("aria-describedby") ?? "");
    expect(text(described), "the link's description says it is closed").to.match(/^Closed/);
    expect(sms?.status).to.match(/^Closed · opens \w+day at 10:00$/);
    await expect(el).to.be.accessible();
  });

  it("falls back to the country's list with a note for an unknown topic, and warns the editor", async () => {
    let el: ThroughLineHelplines | undefined;
    let shadow: ShadowRoot | undefined;
    const lines = await warnings(async () => ({ el, shadow } = await helplines({ country: "NZ", topic: "astrology" })));
    expect(lines.join("\n")).to.contain('topic="astrology"');
    expect(text(shadow?.querySelector('[part="message"]'))).to.equal(
      "No helplines are listed for this topic. Showing all helplines in New Zealand.",
    );
    expect(names(shadow as ShadowRoot).length).to.be.greaterThan(2);
    await expect(el).to.be.accessible();
  });

  it("tells the visitor and warns the editor about an unknown or malformed country", async () => {
    for (const [country, hint] of [
      ["ZZ", 'country="ZZ": expected one of ThroughLine\'s countries'],
      ["usa", 'Write it like country="US"'],
    ]) {
      let result: Awaited<ReturnType<typeof helplines>> | undefined;
      const lines = await warnings(async () => {
        result = await helplines({ country: country as string });
        // Loaded again with the same mistake: the editor was told once already.
        await result.el.reload();
      });
      expect(lines.join("\n"), country).to.contain(hint);
      expect(lines.filter((line) => line.includes(`country="${country}"`)).length, `${country} once`).to.equal(1);
      expect(text(result?.shadow.querySelector('[part="message"]')), country).to.contain("not available here");
      expect(result?.shadow.querySelector('[part="emergency"]'), country).to.equal(null);
      await expect(result?.el).to.be.accessible();
    }
  });

  it("stops saying Loading when the country is cleared or made malformed during a look-up", async () => {
    for (const country of ["", "usa"]) {
      const el = document.createElement("throughline-helplines") as ThroughLineHelplines;
      el.setAttribute("bff", TEST_BFF);
      el.setAttribute("country", "NZ");
      el.setAttribute("topic", "grief-and-loss");
      mount().append(el);
      await el.updateComplete;
      expect(el._loading, "the look-up started").to.equal(true);
      await warnings(async () => {
        el.country = country;
        await el.updateComplete;
      });
      const shadow = el.shadowRoot as ShadowRoot;
      expect(shadow.querySelector('[part="base"]')?.getAttribute("aria-busy"), country).to.equal("false");
      expect(text(shadow.querySelector('[role="status"]')), country).to.equal("");
      await expect(el).to.be.accessible();
    }
  });

  it("keeps AA contrast on a dark page, with an emergency link of at least 44×44 px", async () => {
    const page = mount();
    page.style.cssText = "color-scheme: dark; background: #15171c; color: #eceef3; padding: 1rem";
    const { el, shadow } = await helplines({ country: "NZ", topic: "anxiety", priority: true }, page);
    const link = shadow.querySelector('[part="emergency-link"]') as HTMLElement;
    const box = link.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it("emits a cancelable throughline-contact and reports displays and clicks when asked", async () => {
    const before = ((await executeServerCommand("throughline-events")) as unknown[]).length;
    const { el, shadow } = await helplines({ country: "NZ", topic: "domestic-violence", "report-events": true });
    const phone = shadow.querySelector<HTMLAnchorElement>('a[href^="tel:0"]') as HTMLAnchorElement;
    el.addEventListener("throughline-contact", (e) => e.preventDefault(), { once: true });
    const contact = firstEvent<ThroughLineContactDetail>(el, "throughline-contact");
    phone.click();
    const { detail } = await contact;
    expect([detail.type, detail.href, detail.helplineName]).to.deep.equal(["phone", "tel:0800733843", "Women's Refuge Crisisline"]);
    let events: { type: string; helpline_id: string; contact_method?: string }[] = [];
    for (let tries = 0; tries < 50 && events.length < 3; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      events = ((await executeServerCommand("throughline-events")) as typeof events).slice(before);
    }
    // Two helplines shown (in English and in te reo Māori), one clicked. Each report leaves when
    // it happens, so on a loaded machine a display may reach ThroughLine after the click.
    expect(events.map((e) => `${e.type} ${e.contact_method ?? "-"}`).sort()).to.deep.equal([
      "helpline_click phone",
      "helpline_display -",
      "helpline_display -",
    ]);
  });

  it("is keyboard reachable and passes axe", async () => {
    const { el, shadow } = await helplines({ country: "US", topic: "domestic-violence" });
    shadow.querySelector<HTMLAnchorElement>('[part="emergency"] a')?.focus();
    await sendKeys({ press: "Tab" });
    expect(shadow.activeElement?.getAttribute("href")).to.equal("tel:+18007997233");
    await expect(el).to.be.accessible();
  });

  it("says when nothing matches, and shows an error with retry and the emergency number when the BFF cannot answer", async () => {
    const empty = await helplines({ country: "NZ", topic: "substance-use", priority: true });
    expect(empty.shadow.querySelector('[part="message"]')?.textContent).to.contain("No helplines found");
    expect(empty.shadow.querySelector('[part="emergency"]')?.textContent).to.contain("111");
    await setFaults({ provider: "throughline", errorRate: 1 });
    const failing = await helplines({ country: "US", topic: "substance-use", priority: true });
    expect(failing.shadow.querySelector('[role="alert"]')?.textContent).to.contain("could not be loaded");
    await until(() => failing.el._countries !== null, "the countries (cached by the BFF)");
    await failing.el.updateComplete;
    expect(failing.shadow.querySelector('[part="emergency-link"]')?.getAttribute("href")).to.equal("tel:911");
    await expect(failing.el).to.be.accessible();
    await setFaults();
    failing.shadow.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await until(() => failing.el.helplines.length > 0, "the retry to load helplines");
  });
});
