import { expect } from "@open-wc/testing";
import { contactStatus, describeWhen, formatHours } from "./opening-hours.ts";

// Wednesday 2026-11-18 at 03:00 UTC: 16:00 in Auckland, 21:00 (Tuesday) in Chicago.
const NOW = new Date("2026-11-18T03:00:00Z");
const contact = (hours: { day: string; open: string; close: string }[], alwaysOpen = false) =>
  ({ alwaysOpen, hours }) as Parameters<typeof contactStatus>[0];

describe("opening hours", () => {
  it("is open within a period of the helpline's own day, and says when it closes", () => {
    const status = contactStatus(contact([{ day: "wednesday", open: "09:00", close: "17:00" }]), "Pacific/Auckland", NOW);
    expect(status).to.deep.equal({ state: "open", closes: { day: "wednesday", time: "17:00", minute: 2 * 1440 + 17 * 60 } });
  });

  it("reads the day in the helpline's time zone, not the browser's", () => {
    const tuesdayEvening = contact([{ day: "tuesday", open: "20:00", close: "22:00" }]);
    expect(contactStatus(tuesdayEvening, "America/Chicago", NOW).state).to.equal("open");
    expect(contactStatus(tuesdayEvening, "Pacific/Auckland", NOW).state).to.equal("closed");
  });

  it("counts a period past midnight as one, and follows a period that starts where another ends", () => {
    const night = contact([{ day: "tuesday", open: "17:00", close: "05:00" }]);
    const status = contactStatus(night, "America/Chicago", NOW);
    expect(status.state === "open" && status.closes.day + status.closes.time).to.equal("wednesday05:00");
    const chained = contact([
      { day: "wednesday", open: "12:00", close: "00:00" },
      { day: "thursday", open: "00:00", close: "02:00" },
    ]);
    const later = contactStatus(chained, "Pacific/Auckland", NOW);
    expect(later.state === "open" && later.closes.day + later.closes.time).to.equal("thursday02:00");
  });

  it("says when a closed contact opens next, wrapping into next week", () => {
    const mondays = contact([{ day: "monday", open: "09:00", close: "12:00" }]);
    const status = contactStatus(mondays, "Pacific/Auckland", NOW);
    expect(status.state === "closed" && status.opens?.day + (status.opens?.time ?? "")).to.equal("monday09:00");
  });

  it("names the date, not just the weekday, when a contact opens on today's weekday a week ahead", () => {
    const mondays = contact([{ day: "monday", open: "09:00", close: "12:00" }]);
    const when = (iso: string) => {
      const status = contactStatus(mondays, "UTC", new Date(iso));
      const described = status.state === "closed" && status.opens && describeWhen(status.opens, new Date(iso), "UTC", "en", false);
      return described ? `${described.day} ${described.name} ${described.time}` : "";
    };
    expect(when("2026-11-23T08:00:00Z"), "Monday 08:00").to.equal("today Monday 09:00");
    expect(when("2026-11-23T13:00:00Z"), "Monday 13:00").to.equal("date Monday, November 30 09:00");
    expect(when("2026-11-24T13:00:00Z"), "Tuesday").to.equal("weekday Monday 09:00");
    expect(when("2026-11-22T13:00:00Z"), "Sunday").to.equal("tomorrow Monday 09:00");
  });

  it("follows a Sunday night period past midnight into Monday, and stays right across a DST change", () => {
    const sundayNight = contact([{ day: "sunday", open: "22:00", close: "02:00" }]);
    const at = (iso: string) => contactStatus(sundayNight, "Pacific/Auckland", new Date(iso));
    const monday1am = at("2026-11-22T12:00:00Z");
    expect(monday1am.state === "open" && monday1am.closes.day + monday1am.closes.time).to.equal("monday02:00");
    expect(at("2026-11-22T13:00:00Z").state, "Monday 02:00").to.equal("closed");
    // Berlin springs forward on Sunday 2026-03-29 at 02:00: 01:30 UTC is 03:30 local, within 01:00–05:00.
    const berlin = contact([{ day: "sunday", open: "01:00", close: "05:00" }]);
    const spring = contactStatus(berlin, "Europe/Berlin", new Date("2026-03-29T01:30:00Z"));
    expect(spring.state === "open" && spring.closes.time).to.equal("05:00");
    expect(contactStatus(berlin, "Europe/Berlin", new Date("2026-03-29T03:00:00Z")).state, "05:00 CEST").to.equal("closed");
  });

  it("claims nothing without hours or a usable time zone", () => {
    expect(contactStatus(contact([]), "Pacific/Auckland", NOW).state).to.equal("unknown");
    expect(contactStatus(contact([{ day: "monday", open: "09:00", close: "12:00" }]), "Mars/Olympus", NOW).state).to.equal("unknown");
    expect(contactStatus(contact([], true), undefined, NOW).state).to.equal("always");
  });

  it("summarises a week in the page's language", () => {
    const days = ["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => ({ day, open: "08:00", close: "20:00" }));
    expect(formatHours(contact([...days, { day: "saturday", open: "10:00", close: "14:00" }]).hours, "de")).to.equal(
      "Mo–Fr 08:00–20:00 · Sa 10:00–14:00",
    );
  });
});
