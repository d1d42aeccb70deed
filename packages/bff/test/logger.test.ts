/** Log lines (core/logger.ts): redacted, and batched on servers. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { secretsOf } from "../src/config.ts";
import { createLogger } from "../src/core/logger.ts";
import { loadConfig } from "../src/sandbox-mode.ts";

describe("the logger", () => {
  it("redacts every configured secret, and anything shaped like a token, from log lines", () => {
    const env = {
      THRON_TENANT: "acme",
      THRON_CLIENT_ID: "c",
      THRON_CLIENT_SECRET: "thron-secret-value-1",
      THRON_USERNAME: "u",
      THRON_FOLDER_ID: "f",
      THRON_PKEY: "p",
      THUNDER_USERNAME: "coach",
      THUNDER_PASSWORD: "thunder-password-2",
      THUNDER_VENDOR_GUID: "6f1c2a9e-3b7d-4e0a-9c5f-2d8b7a41e360",
      THUNDER_TICKET_SECRET: "ticket-secret-ticket-secret-3-xxxxxx",
      THROUGHLINE_CLIENT_ID: "t",
      THROUGHLINE_CLIENT_SECRET: "throughline-secret-4",
      BFF_CACHE_URL: "redis://:redis-password-5@cache.internal:6379",
      METRICS_TOKEN: "metrics-token-value-6-xxxxxxx",
      ALLOWED_ORIGINS: "https://a.example",
    };
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), secretsOf(loadConfig(env)));
    logger.log("warn", "upstream said", {
      detail: `${Object.values(env).join(" ")} Authorization: Bearer abcdef0123456789 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl`,
    });
    for (const secret of [
      "thron-secret-value-1",
      "thunder-password-2",
      "ticket-secret-ticket-secret-3",
      "throughline-secret-4",
      "redis-password-5",
      "metrics-token-value-6",
      "abcdef0123456789",
      "eyJhbGciOiJIUzI1NiJ9",
      // every part of the token, its signature to the last character
      "eyJzdWIiOiJ4In0",
      "bmF0dXJl",
    ])
      assert.ok(!lines[0]?.includes(secret), `log line carries ${secret}`);
  });

  it("batches info lines on servers, keeps their order, sends warnings at once and redacts as ever", async () => {
    const lines: string[] = [];
    const writes: string[] = [];
    const logger = createLogger(
      (text) => {
        writes.push(text);
        lines.push(...text.split("\n"));
      },
      ["batch-secret-1"],
      { batch: true },
    );
    logger.log("info", "request", { n: 1 });
    logger.log("info", "request", { n: 2, detail: "batch-secret-1" });
    assert.equal(lines.length, 0, "info lines wait for their batch");
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).n),
      [1, 2],
    );
    assert.ok(!lines.join().includes("batch-secret-1"));
    assert.equal(writes.length, 1, "a batch is one write");
    logger.log("info", "request", { n: 3 });
    logger.log("warn", "upstream failed", { n: 4 });
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).n),
      [1, 2, 3, 4],
      "a warning goes out at once, after the lines logged before it",
    );
    logger.log("debug", "dropped");
    logger.log("info", "request", { n: 5 });
    logger.flush();
    assert.equal(JSON.parse(lines.at(-1) ?? "").n, 5, "flush() writes what waits");
    assert.equal(lines.length, 5, "debug is below the default level");
  });
});

describe("the logger and Thunder's own header", () => {
  it("redacts an `Authorization: API <base64 user:password>` header it was never told about", () => {
    // Thunder's scheme (not Basic, not Bearer): another account's header, echoed by a proxy or an upstream error.
    const header = `API ${btoa("someone@club.example:their-password-9")}`;
    const lines: string[] = [];
    createLogger((line) => lines.push(line), []).log("warn", "upstream said", {
      detail: `Authorization: ${header}`,
      lower: header.toLowerCase(),
    });
    assert.ok(!lines[0]?.includes(header.slice(4)), lines[0]);
    assert.ok(!lines[0]?.includes(header.toLowerCase().slice(4)), lines[0]);
    assert.match(lines[0] ?? "", /Authorization: API \[redacted\]/);
  });
});

describe("what the logger redacts, and what it leaves readable", () => {
  const logOnce = (secrets: string[], fields: Record<string, unknown>) => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line), secrets).log("warn", "upstream said", fields);
    return JSON.parse(lines[0] ?? "{}") as Record<string, string>;
  };

  it("marks where a token or a secret was, and redacts a bearer token after any spacing, whole", () => {
    const line = logOnce(["configured-secret-1"], {
      jwt: "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl end",
      secret: "password configured-secret-1 end",
      spaced: "Authorization: Bearer   abcdef0123456789xyz",
      // A line is redacted as JSON, where a tab or a line break is written as two characters.
      tabbed: "Authorization: Bearer\tabcdef0123456789xyz",
      broken: "Authorization: API\r\n  dXNlcjpwYXNzd29yZA==",
    });
    assert.equal(line.jwt, "token [redacted-jwt] end");
    assert.equal(line.secret, "password [redacted] end");
    assert.equal(line.spaced, "Authorization: Bearer [redacted]");
    assert.equal(line.tabbed, "Authorization: Bearer [redacted]");
    assert.equal(line.broken, "Authorization: API [redacted]");
  });

  it("leaves ordinary words after `api` or `bearer` alone: a token is eight characters or more", () => {
    const line = logOnce([], { detail: "when the api is down, the bearer of bad news" });
    assert.equal(line.detail, "when the api is down, the bearer of bad news");
  });

  it("redacts configured secrets of six characters and more, never shorter values that would garble every line", () => {
    const line = logOnce(["12345", "abcdef"], { detail: "port 12345, key abcdef, id 1234567" });
    assert.equal(line.detail, "port 12345, key [redacted], id 1234567");
  });

  it("stamps each line with the time it was logged", async () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), []);
    for (let i = 0; i < 3; i++) {
      const before = Date.now();
      logger.log("info", "request");
      const time = Date.parse(JSON.parse(lines.at(-1) ?? "{}").time);
      assert.ok(time >= before && time <= Date.now(), `${lines.at(-1)} logged at ${before}`);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  });
});

describe("the logger's batches", () => {
  const batchLogger = () => {
    const writes: string[] = [];
    const logger = createLogger((text) => writes.push(text), [], { batch: true });
    return { writes, logger, lines: () => writes.flatMap((text) => text.split("\n")) };
  };

  it("writes errors at once, after the lines logged before them", () => {
    const { writes, logger, lines } = batchLogger();
    logger.log("info", "request", { n: 1 });
    logger.log("error", "crashed", { n: 2 });
    assert.equal(writes.length, 1);
    assert.deepEqual(
      lines().map((line) => JSON.parse(line).n),
      [1, 2],
    );
  });

  it("writes a batch when it reaches 256 lines, without waiting for its timer", () => {
    const { writes, logger, lines } = batchLogger();
    for (let n = 1; n <= 255; n++) logger.log("info", "request", { n });
    assert.equal(writes.length, 0, "255 lines wait for their timer");
    logger.log("info", "request", { n: 256 });
    assert.equal(writes.length, 1, "the 256th line sends the batch, in one write");
    assert.deepEqual(
      lines().map((line) => JSON.parse(line).n),
      Array.from({ length: 256 }, (_, i) => i + 1),
    );
    logger.flush();
  });

  it("writes nothing, not even an empty line, when nothing waits", async () => {
    const { writes, logger } = batchLogger();
    logger.flush();
    logger.log("warn", "upstream failed");
    await new Promise((resolve) => setTimeout(resolve, 20));
    logger.flush();
    assert.deepEqual(writes.length, 1, writes.join("|"));
  });

  it("gives a line logged after a warning its own wait: the flushed batch's timer does not send it early", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    const { writes, logger } = batchLogger();
    logger.log("info", "request", { n: 1 });
    t.mock.timers.tick(1);
    logger.log("warn", "upstream failed", { n: 2 });
    t.mock.timers.tick(2);
    logger.log("info", "request", { n: 3 });
    t.mock.timers.tick(3);
    assert.equal(writes.length, 1, "5 ms after the first line, the third still waits its own 5 ms");
    t.mock.timers.tick(2);
    assert.equal(writes.length, 2);
    assert.equal(JSON.parse(writes[1] ?? "{}").n, 3);
  });
});
