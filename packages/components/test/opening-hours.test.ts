/**
 * Whether a helpline's contact is open, and until when: the arithmetic under "Open now, closes
 * 20:00". Run in node, where Stryker can plant bugs in it; the rendered sentences are tested in
 * the browser beside the element.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Contact } from "@embedkit/contracts";
import { contactStatus, describeWhen, formatHours, weekMinute } from "../src/throughline-helplines/opening-hours.ts";

const ZONE = "Europe/Rome";
/** 2026-04-20 was a Monday; Rome is UTC+2 in April. */
const at = (isoLocal: string) => new Date(`${isoLocal}+02:00`);
const hours = (...periods: [Contact["hours"][number]["day"], string, string][]): Contact["hours"] =>
  periods.map(([day, open, close]) => ({ day, open, close }));
const contact = (h: Contact["hours"], alwaysOpen = false) => ({ alwaysOpen, hours: h });

describe("opening hours", () => {
  it("places a moment in the helpline's week, in its own time zone", () => {
    assert.equal(weekMinute(at("2026-04-20T00:00:00"), ZONE), 0);
    assert.equal(weekMinute(at("2026-04-21T09:30:00"), ZONE), 1440 + 9 * 60 + 30);
    assert.equal(weekMinute(at("2026-04-26T23:59:00"), ZONE), 7 * 1440 - 1);
    assert.equal(weekMinute(new Date("2026-04-20T00:00:00Z"), "America/New_York"), 6 * 1440 + 20 * 60, "Sunday 20:00 in New York");
    assert.equal(weekMinute(new Date(), "Not/A_Zone"), null);
  });

  it("is open inside a period, closed outside it, and names the next change", () => {
    const weekdays = contact(hours(["monday", "09:00", "17:00"], ["tuesday", "09:00", "17:00"]));
    assert.deepEqual(contactStatus(weekdays, ZONE, at("2026-04-20T10:00:00")), {
      state: "open",
      closes: { day: "monday", time: "17:00", minute: 17 * 60 },
    });
    assert.deepEqual(contactStatus(weekdays, ZONE, at("2026-04-20T17:00:00")), {
      state: "closed",
      opens: { day: "tuesday", time: "09:00", minute: 1440 + 9 * 60 },
    });
    assert.deepEqual(contactStatus(weekdays, ZONE, at("2026-04-20T08:59:00")), {
      state: "closed",
      opens: { day: "monday", time: "09:00", minute: 9 * 60 },
    });
    assert.deepEqual(contactStatus(weekdays, ZONE, at("2026-04-22T12:00:00")), {
      state: "closed",
      opens: { day: "monday", time: "09:00", minute: 9 * 60 },
    });
  });

  it("keeps the minutes of a period's times: open from 09:30, closed from 17:45", () => {
    const halfPast = contact(hours(["monday", "09:30", "17:45"]));
    assert.deepEqual(contactStatus(halfPast, ZONE, at("2026-04-20T09:29:00")), {
      state: "closed",
      opens: { day: "monday", time: "09:30", minute: 9 * 60 + 30 },
    });
    assert.deepEqual(contactStatus(halfPast, ZONE, at("2026-04-20T09:30:00")), {
      state: "open",
      closes: { day: "monday", time: "17:45", minute: 17 * 60 + 45 },
    });
    assert.equal(contactStatus(halfPast, ZONE, at("2026-04-20T17:45:00")).state, "closed", "17:45: closed");
  });

  it("runs a period past midnight into the next day", () => {
    const nights = contact(hours(["monday", "17:00", "05:00"]));
    assert.deepEqual(contactStatus(nights, ZONE, at("2026-04-21T04:00:00")), {
      state: "open",
      closes: { day: "tuesday", time: "05:00", minute: 1440 + 5 * 60 },
    });
    assert.equal(contactStatus(nights, ZONE, at("2026-04-21T05:00:00")).state, "closed");
  });

  it("counts a whole-day period (close = open) as 24 hours, not as 0 minutes", () => {
    const allMonday = contact(hours(["monday", "00:00", "00:00"]));
    assert.deepEqual(contactStatus(allMonday, ZONE, at("2026-04-20T23:00:00")), {
      state: "open",
      closes: { day: "tuesday", time: "00:00", minute: 1440 },
    });
  });

  it("follows periods that begin where the current one ends", () => {
    const split = contact(hours(["monday", "17:00", "00:00"], ["tuesday", "00:00", "05:00"]));
    assert.deepEqual(contactStatus(split, ZONE, at("2026-04-20T18:00:00")), {
      state: "open",
      closes: { day: "tuesday", time: "05:00", minute: 1440 + 5 * 60 },
    });
  });

  it("runs a Sunday night period into Monday, and follows Sunday's period into Monday's, across the week's end", () => {
    const sundayNight = contact(hours(["sunday", "22:00", "02:00"]));
    assert.deepEqual(contactStatus(sundayNight, ZONE, at("2026-04-26T23:00:00")), {
      state: "open",
      closes: { day: "monday", time: "02:00", minute: 2 * 60 },
    });
    assert.equal(contactStatus(sundayNight, ZONE, at("2026-04-27T02:00:00")).state, "closed", "Monday 02:00: closed");
    const split = contact(hours(["sunday", "17:00", "00:00"], ["monday", "00:00", "05:00"]));
    assert.deepEqual(contactStatus(split, ZONE, at("2026-04-26T18:00:00")), {
      state: "open",
      closes: { day: "monday", time: "05:00", minute: 5 * 60 },
    });
  });

  it("names the latest close of two periods open at once", () => {
    const overlapping = contact(hours(["monday", "09:00", "17:00"], ["monday", "12:00", "20:00"]));
    assert.deepEqual(contactStatus(overlapping, ZONE, at("2026-04-20T13:00:00")), {
      state: "open",
      closes: { day: "monday", time: "20:00", minute: 20 * 60 },
    });
    const reversed = contact(hours(["monday", "12:00", "20:00"], ["monday", "09:00", "17:00"]));
    assert.deepEqual(contactStatus(reversed, ZONE, at("2026-04-20T13:00:00")), contactStatus(overlapping, ZONE, at("2026-04-20T13:00:00")));
  });

  it("follows the period after one that ends at midnight past an empty 24:00–00:00 period", () => {
    const withEmpty = contact(hours(["monday", "17:00", "00:00"], ["monday", "24:00", "00:00"], ["tuesday", "00:00", "05:00"]));
    assert.deepEqual(contactStatus(withEmpty, ZONE, at("2026-04-20T18:00:00")), {
      state: "open",
      closes: { day: "tuesday", time: "05:00", minute: 1440 + 5 * 60 },
    });
  });

  it("says always open when the periods join up around the whole week", () => {
    const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
    const wholeWeek = contact(hours(...days.map((day) => [day, "00:00", "00:00"] as [typeof day, string, string])));
    assert.deepEqual(contactStatus(wholeWeek, ZONE, at("2026-04-22T12:00:00")), { state: "always" });
  });

  it("claims nothing without hours or a usable time zone, and 24/7 only when ThroughLine says so", () => {
    assert.deepEqual(contactStatus(contact([], true), ZONE, at("2026-04-20T10:00:00")), { state: "always" });
    assert.deepEqual(contactStatus(contact([]), ZONE, at("2026-04-20T10:00:00")), { state: "unknown" });
    const weekdays = contact(hours(["monday", "09:00", "17:00"]));
    assert.deepEqual(contactStatus(weekdays, undefined, at("2026-04-20T10:00:00")), { state: "unknown" });
    assert.deepEqual(contactStatus(weekdays, "Not/A_Zone", at("2026-04-20T10:00:00")), { state: "unknown" });
  });

  it("summarises the week, joining consecutive days with the same hours", () => {
    const week = hours(
      ["tuesday", "08:00", "20:00"],
      ["monday", "08:00", "20:00"],
      ["wednesday", "08:00", "20:00"],
      ["saturday", "10:00", "18:00"],
      ["friday", "08:00", "20:00"],
    );
    assert.equal(formatHours(week, "en"), "Mon–Wed 08:00–20:00 · Fri 08:00–20:00 · Sat 10:00–18:00");
    assert.equal(formatHours(hours(["monday", "10:00", "12:00"], ["monday", "08:00", "09:00"]), "en"), "Mon 08:00–09:00 · Mon 10:00–12:00");
    const closingEarlier = hours(["monday", "08:00", "20:00"], ["tuesday", "08:00", "18:00"], ["wednesday", "09:00", "18:00"]);
    assert.equal(formatHours(closingEarlier, "en"), "Mon 08:00–20:00 · Tue 08:00–18:00 · Wed 09:00–18:00", "only equal hours join");
    assert.equal(formatHours(hours(["sunday", "10:00", "14:00"], ["saturday", "10:00", "14:00"]), "de"), "Sa–So 10:00–14:00");
  });
});

describe("when a contact next closes or opens, in words", () => {
  /** What a visitor reads for `contact` at `iso` in `zone`: the status's next change, described. */
  const described = (periods: Contact["hours"], iso: string, zone = "UTC", locale = "en") => {
    const now = new Date(iso);
    const status = contactStatus(contact(periods), zone, now);
    const when = status.state === "open" ? status.closes : status.state === "closed" ? status.opens : null;
    assert.ok(when, `${iso}: a next change`);
    return describeWhen(when, now, zone, locale, status.state === "open");
  };
  // 2026-11-23 was a Monday.
  const evening = "2026-11-23T18:00:00Z";

  it("says today, tomorrow, a weekday, or the date a week ahead, with the time", () => {
    assert.deepEqual(described(hours(["monday", "09:00", "17:00"]), "2026-11-23T10:00:00Z"), {
      day: "today",
      time: "17:00",
      midnight: false,
      name: "Monday",
    });
    assert.deepEqual(described(hours(["tuesday", "09:00", "17:00"]), evening), {
      day: "tomorrow",
      time: "09:00",
      midnight: false,
      name: "Tuesday",
    });
    assert.deepEqual(described(hours(["wednesday", "09:00", "17:00"]), evening), {
      day: "weekday",
      time: "09:00",
      midnight: false,
      name: "Wednesday",
    });
    assert.deepEqual(described(hours(["sunday", "09:00", "17:00"]), evening), {
      day: "weekday",
      time: "09:00",
      midnight: false,
      name: "Sunday",
    });
    const nextMonday = { day: "date", time: "09:00", midnight: false, name: "Monday, November 30" };
    assert.deepEqual(described(hours(["monday", "09:00", "17:00"]), evening), nextMonday, "today's weekday, a week ahead");
    assert.equal(described(hours(["monday", "09:00", "17:00"]), evening, "UTC", "it")?.name, "lunedì 30 novembre");
  });

  it("says a close at 00:00 is at midnight of today, while an open at 00:00 is tomorrow's", () => {
    assert.deepEqual(described(hours(["monday", "17:00", "00:00"]), evening), {
      day: "today",
      time: "00:00",
      midnight: true,
      name: "Monday",
    });
    assert.deepEqual(described(hours(["tuesday", "00:00", "05:00"]), evening), {
      day: "tomorrow",
      time: "00:00",
      midnight: false,
      name: "Tuesday",
    });
    const sundayToMidnight = hours(["sunday", "17:00", "00:00"]);
    assert.deepEqual(described(sundayToMidnight, "2026-11-29T18:00:00Z"), { day: "today", time: "00:00", midnight: true, name: "Sunday" });
  });

  it("names the day in the helpline's time zone, across a change to summer time", () => {
    // Monday 12:00 in Auckland is Sunday 23:00 UTC: Wednesday noon there is still Tuesday in UTC.
    assert.deepEqual(described(hours(["wednesday", "09:00", "17:00"]), "2026-11-22T23:00:00Z", "Pacific/Auckland"), {
      day: "weekday",
      time: "09:00",
      midnight: false,
      name: "Wednesday",
    });
    // Saturday 23:30 in Berlin; the clocks go forward that night: Monday is still two days on.
    assert.deepEqual(described(hours(["monday", "09:00", "17:00"]), "2026-03-28T22:30:00Z", "Europe/Berlin"), {
      day: "weekday",
      time: "09:00",
      midnight: false,
      name: "Monday",
    });
  });

  it("says nothing in a time zone it cannot use", () => {
    const monday = { day: "monday", time: "09:00", minute: 9 * 60 } as const;
    assert.equal(describeWhen(monday, new Date(evening), "Not/A_Zone", "en", false), null);
  });
});
