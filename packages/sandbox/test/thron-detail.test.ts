import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { THRON_SANDBOX } from "../src/index.ts";
import { inDemoFolder, newSandbox } from "./thron-client.ts";

interface Definition {
  key: string;
  metadataType: string;
  names: { lang: string; label: string }[];
  visible: boolean;
  removed: boolean;
  options: Record<string, { fieldType: string; values: { value: string; lang: string; label: string }[] }>;
}
interface Detail {
  resultCode: string;
  content: {
    contentType: string;
    deliveryInfo: { channelType: string; contentUrl: string; sysMetadata: { name: string; value: string }[] }[];
    deliverySize?: { aspectRatio: string; maxWidth: number; maxHeight: number };
    subtitlesUrls: { locale: string; url: string }[];
  };
}

const definitionsPath = `/api/xintelligence/resources/imetadatadefinition`;

async function firstOfType(type: string, extra: object = {}) {
  const harness = newSandbox();
  const session = await harness.login();
  const page = (await (
    await harness.search(session.legacyToken, {
      criteria: { ...inDemoFolder, contentType: [type], ...extra },
      responseOptions: { resultsPageSize: 50 },
    })
  ).json()) as { items: { id: string }[] };
  return { ...harness, session, ids: page.items.map((i) => i.id) };
}

describe("THRON sandbox: metadata definitions", () => {
  it("lists single- and multi-select definitions with labels per language, paged by offset until empty", async () => {
    const { login, request } = newSandbox();
    const { legacyToken } = await login();
    const list = async (offset: number, limit: number) =>
      (await (
        await request(
          `${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}?offset=${offset}&limit=${limit}`,
          {
            headers: { "x-tokenid": legacyToken },
          },
        )
      ).json()) as { resultCode: string; items: Definition[] };
    const all: Definition[] = [];
    for (let offset = 0; ; offset += 2) {
      const page = await list(offset, 2);
      assert.equal(page.resultCode, "OK");
      if (page.items.length === 0) break;
      all.push(...page.items);
    }
    const season = all.find((d) => d.key === "season");
    const topic = all.find((d) => d.key === "topic");
    assert.equal(season?.metadataType, "ALTERNATIVE_S");
    assert.equal(season?.options.alternativeSOption?.fieldType, "DROPDOWN");
    assert.equal(topic?.metadataType, "ALTERNATIVE_M");
    assert.ok(topic?.options.alternativeMOption);
    assert.deepEqual(
      season?.options.alternativeSOption?.values.filter((v) => v.value === "winter").map((v) => `${v.lang}:${v.label}`),
      ["EN:Winter", "IT:Inverno", "DE:Winter", "FR:Hiver", "ES:Invierno"],
    );
    assert.ok(season?.names.some((n) => n.lang === "IT" && n.label === "Stagione"));
    assert.ok(
      all.some((d) => d.removed),
      "a removed definition is listed too, as THRON does",
    );
  });

  it("answers the POST twin filtered by keys, and refuses a bad classification or page size", async () => {
    const { login, request } = newSandbox();
    const { legacyToken } = await login();
    const headers = { "x-tokenid": legacyToken, "content-type": "application/json" };
    const post = await request(`${definitionsPath}/list/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ criteria: { keys: ["topic"] }, limit: 50, offset: 0 }),
    });
    assert.deepEqual(
      ((await post.json()) as { items: Definition[] }).items.map((d) => d.key),
      ["topic"],
    );
    const wrongClass = await request(`${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/nope`, { headers });
    assert.equal(wrongClass.status, 418);
    assert.equal(((await wrongClass.json()) as { resultCode: string }).resultCode, "CLASSIFICATION_NOT_FOUND");
    const tooMany = await request(`${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}?limit=51`, {
      headers,
    });
    assert.equal(tooMany.status, 418);
    const noToken = await request(`${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}`);
    assert.equal(noToken.status, 403);
  });

  it("may answer a page shorter than the limit before the end: only an empty page ends the list", async () => {
    const { sandbox, login, request } = newSandbox();
    const { legacyToken } = await login();
    sandbox.thron.settings.definitionsPageCap = 1;
    const page = async (offset: number) => {
      const path = `${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}?offset=${offset}&limit=50`;
      return (await (await request(path, { headers: { "x-tokenid": legacyToken } })).json()) as { items: Definition[] };
    };
    assert.equal((await page(0)).items.length, 1);
    assert.equal((await page(1)).items.length, 1, "more after a short page");
  });

  it("needs THRON_CLASS_<id>_VIEWER: without it, a bare 403 on definitions and no metadata in search details", async () => {
    const { sandbox, login, request, search } = newSandbox();
    const { legacyToken } = await login();
    sandbox.thron.faults.revokeViewerRole = true;
    const list = await request(`${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}`, {
      headers: { "x-tokenid": legacyToken },
    });
    assert.equal(list.status, 403);
    assert.equal(await list.text(), "Access Denied");
    const found = (await (
      await search(legacyToken, {
        criteria: inDemoFolder,
        responseOptions: { resultsPageSize: 3, returnDetailsFields: ["locales", "imetadata"] },
      })
    ).json()) as { items: { details: Record<string, unknown> }[] };
    assert.equal(found.items.length, 3, "folder rights still hold");
    assert.ok(found.items.every((i) => i.details.locales && !i.details.imetadata));
  });
});

describe("THRON sandbox: content detail and delivery", () => {
  const detailPath = (id: string, auth: string) =>
    `/api/xcontents/resources/delivery/getContentDetail?clientId=${THRON_SANDBOX.tenant}&xcontentId=${id}&locale=EN&${auth}`;

  it("describes a video's channels (HLS first), its duration in sysMetadata and its subtitles", async () => {
    const { request, ids } = await firstOfType("VIDEO");
    const details = await Promise.all(
      ids.slice(0, 6).map(async (id) => (await (await request(detailPath(id, `pkey=${THRON_SANDBOX.pkey}`))).json()) as Detail),
    );
    const [detail] = details;
    assert.equal(detail?.resultCode, "OK");
    assert.ok(detail?.content.deliveryInfo[0]?.channelType.startsWith("STREAMHTTPIOS"), "HLS first");
    const channels = new Set(details.flatMap((d) => d.content.deliveryInfo.map((i) => i.channelType)));
    for (const name of ["STREAMHTTPIOS", "STREAMHTTPIOSHD", "WEB", "WEBHD", "WEBFULLHD"]) assert.ok(channels.has(name), name);
    const duration = detail?.content.deliveryInfo[0]?.sysMetadata.find((m) => /Durationms/i.test(m.name));
    assert.ok(Number(duration?.value) > 0);
    assert.ok(
      details.some((d) => d.content.subtitlesUrls.length > 0),
      "some videos have subtitles",
    );
  });

  it("gives images their delivery size and aspect ratio", async () => {
    const { request, ids } = await firstOfType("IMAGE");
    const detail = (await (await request(detailPath(ids[0] ?? "", `pkey=${THRON_SANDBOX.pkey}`))).json()) as Detail;
    const size = detail.content.deliverySize;
    assert.ok(size);
    const [w, h] = size.aspectRatio.split(":").map(Number);
    assert.ok(w && h && Math.abs(w / h - size.maxWidth / size.maxHeight) < 1e-9);
  });

  it("is authorised by the pKey or by X-TOKENID, and refuses a pKey that does not cover the content", async () => {
    const { request, ids, session } = await firstOfType("IMAGE");
    const id = ids[0] ?? "";
    const notFound = async (response: Response) => {
      assert.equal(response.status, 418);
      assert.equal(((await response.json()) as { resultCode: string }).resultCode, "CONTENT_NOT_FOUND");
    };
    await notFound(await request(detailPath(id, `pkey=${THRON_SANDBOX.restrictedPkey}`)));
    await notFound(await request(detailPath(id, "pkey=wrong")));
    assert.equal((await request(detailPath(id, ""), { headers: { "x-tokenid": session.legacyToken } })).status, 200);
    await notFound(await request(detailPath("no-such-id", `pkey=${THRON_SANDBOX.pkey}`)));
  });

  it("answers details as THRON varies them: protocol-relative URLs, entries without one, an old channel", async () => {
    const { request, ids } = await firstOfType("VIDEO");
    const details = await Promise.all(
      ids.map(async (id) => (await (await request(detailPath(id, `pkey=${THRON_SANDBOX.pkey}`))).json()) as Detail),
    );
    const entries = details.flatMap((d) => d.content.deliveryInfo);
    assert.ok(entries.some((e) => e.contentUrl?.startsWith("//")));
    assert.ok(entries.some((e) => e.contentUrl === undefined && e.channelType.startsWith("WEB")));
    assert.ok(entries.some((e) => e.channelType === "STREAMHTTPFLASH"));
    assert.ok(entries.some((e) => e.contentUrl?.startsWith("http://")));
  });

  it("delivers playable video as MP4 with byte ranges, as HLS, and WebVTT subtitles", async () => {
    const { request, ids } = await firstOfType("VIDEO");
    const detail = (await (await request(detailPath(ids[2] ?? "", `pkey=${THRON_SANDBOX.pkey}`))).json()) as Detail;
    const path = (url: string) => url.replace("http://sandbox.test/thron", "");
    const mp4Url = path(detail.content.deliveryInfo.find((d) => d.channelType === "WEBHD")?.contentUrl ?? "");
    const mp4 = await request(mp4Url);
    assert.equal(mp4.headers.get("content-type"), "video/mp4");
    const bytes = new Uint8Array(await mp4.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(4, 8)), "ftyp");
    const ranged = await request(mp4Url, { headers: { range: "bytes=100-199" } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers.get("content-range"), `bytes 100-199/${bytes.length}`);
    assert.deepEqual(new Uint8Array(await ranged.arrayBuffer()), bytes.slice(100, 200));
    assert.equal((await request(mp4Url, { headers: { range: `bytes=${bytes.length}-` } })).status, 416);

    const hlsUrl = path(detail.content.deliveryInfo.find((d) => d.channelType === "STREAMHTTPIOS")?.contentUrl ?? "");
    const playlist = await request(hlsUrl);
    assert.equal(playlist.headers.get("content-type"), "application/vnd.apple.mpegurl");
    const segmentName = (await playlist.text()).split("\n").find((line) => line.endsWith(".ts")) ?? "";
    const segment = await request(hlsUrl.replace(/[^/]+$/, segmentName));
    assert.equal(segment.headers.get("content-type"), "video/mp2t");
    assert.equal(new Uint8Array(await segment.arrayBuffer())[0], 0x47, "MPEG-TS sync byte");

    const withSubs = (
      await Promise.all(ids.map(async (id) => (await (await request(detailPath(id, `pkey=${THRON_SANDBOX.pkey}`))).json()) as Detail))
    ).find((d) => d.content.subtitlesUrls.length > 0);
    const vtt = await request(path(withSubs?.content.subtitlesUrls[0]?.url ?? ""));
    assert.equal(vtt.headers.get("content-type"), "text/vtt; charset=utf-8");
    assert.match(await vtt.text(), /^WEBVTT\n\n00:00:00\.000 --> /);
  });

  it("serves the Player stand-in script with the THRON global, readable from any page", async () => {
    const { request } = newSandbox();
    const response = await request("/shared/ce/bootstrap/1/scripts/embeds-min.js", { headers: { origin: "https://host.example" } });
    assert.equal(response.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    const script = await response.text();
    assert.match(script, /window\.THRONContentExperience = THRONContentExperience/);
    assert.doesNotThrow(() => new Function(script), "the script parses");
  });
});

/** Posts JSON to one of the sandbox's fault-switch routes. */
const adminPost = (sandbox: ReturnType<typeof newSandbox>["sandbox"], path: string) => (body: unknown) =>
  sandbox.app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("sandbox admin route", () => {
  it("sets faults, the token lifetime and forced expiry over HTTP, and validates what it is sent", async () => {
    const { sandbox, login, search } = newSandbox();
    const post = adminPost(sandbox, "/_admin/faults");
    const session = await login();
    assert.equal((await post({ latencyMs: 5, tokenLifetimeSeconds: 30 })).status, 200);
    assert.equal(sandbox.thron.faults.latencyMs, 5);
    assert.equal(sandbox.thron.settings.tokenLifetimeSeconds, 30);
    assert.equal((await post({ expireSessions: true })).status, 200);
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 403);
    assert.equal((await post({ errorRate: 2 })).status, 400);
    const state = (await (await sandbox.app.request("/_admin/state")).json()) as { thron: { stats: { tokenRequests: number } } };
    assert.equal(state.thron.stats.tokenRequests, 1);
  });

  it("plants a misconfigured THRON account over HTTP: a refused secret, no folder rights, no viewer role", async () => {
    const { sandbox, login, impersonate, search, request } = newSandbox();
    const post = adminPost(sandbox, "/_admin/faults/thron");
    const session = await login();
    assert.equal((await post({ rejectClientSecret: true })).status, 200);
    const refused = await impersonate();
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { error: string }).error, "invalid_client");
    assert.equal((await post({ rejectClientSecret: false, revokeFolderRights: true })).status, 200);
    const denied = await search(session.legacyToken, { criteria: inDemoFolder });
    assert.equal(denied.status, 403);
    assert.equal(await denied.text(), "Access Denied");
    assert.equal((await post({ revokeFolderRights: false, revokeViewerRole: true })).status, 200);
    assert.equal((await search(session.legacyToken, { criteria: inDemoFolder })).status, 200);
    const definitions = await request(`${definitionsPath}/listGet/${THRON_SANDBOX.tenant}/${THRON_SANDBOX.classificationId}`, {
      headers: { "x-tokenid": session.legacyToken },
    });
    assert.equal(definitions.status, 403);
    assert.equal((await post({ revokeViewerRole: "yes" })).status, 400);
  });
});
