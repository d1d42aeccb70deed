/**
 * Whether a helpline's contact is open, and until when: the arithmetic under "Open now, closes
 * 20:00". Run in node, where Stryker can plant bugs in it; the rendered sentences are tested in
 * the browser beside the element.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Contact } from "@embedkit/contracts";
import { contactStatus, formatHours, weekMinute } from "../src/throughline-helplines/opening-hours.ts";

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
  });
});
