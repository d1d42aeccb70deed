import { expect } from "@open-wc/testing";
import { choicesOf, recordOf } from "./choices-record.ts";
import { readSnippet } from "./read-snippet.ts";
import { DEFAULT_CHOICES, snippet } from "./snippet.ts";

describe("reading a pasted snippet back into the builder's choices", () => {
  it("reads every choice of a snippet the builder wrote, so writing it again gives the same snippet", () => {
    const choices = {
      ...DEFAULT_CHOICES,
      kind: "carousel" as const,
      types: ["video", "image"],
      q: 'a "quoted" <b>',
      filters: { topic: ["nature", "city"] },
      sort: "title" as const,
      pageSize: 6,
      locale: "de",
      player: "native" as const,
      autoplay: true,
      theme: { scheme: "dark" as const, accent: "#aa3300", radius: 1.2 },
    };
    const written = snippet(choices, "https://bff.example.com");
    const read = readSnippet(written);
    expect(read).to.not.equal(null);
    expect(snippet(choicesOf(read ?? {}), "https://bff.example.com")).to.equal(written);
  });

  it("reads an older snippet themed by tag, and a bare tag", () => {
    const older = `<style>thron-gallery { --thron-gallery-accent: #ff6600; --thron-gallery-radius: 1rem; color-scheme: dark; }</style>
      <thron-gallery layout="carousel" sort="oldest"></thron-gallery>`;
    const choices = choicesOf(readSnippet(older) ?? {});
    expect([choices.kind, choices.sort, choices.theme]).to.deep.equal([
      "carousel",
      "oldest",
      { scheme: "dark", accent: "#ff6600", radius: 1 },
    ]);
    expect(choicesOf(readSnippet('<thron-gallery layout="viewer"></thron-gallery>') ?? {}).kind).to.equal("viewer");
    const bare = choicesOf(readSnippet('<thunder-launch-button method="edits" ids="a,b">Open</thunder-launch-button>') ?? {});
    expect([bare.kind, bare.method, bare.ids, bare.label]).to.deep.equal(["thunder", "edits", "a,b", "Open"]);
  });

  it("keeps the defaults for values that do not fit, runs nothing, and finds nothing in other markup", () => {
    const hostile = `<thron-gallery id="x}body{display:none" page-size="1e9" sort="random" accent="red" filter-topic="a,&quot;b" locale="english"></thron-gallery>
      <style>#x { --thron-gallery-accent: url(javascript:alert(1)); }</style><img src=x onerror="window.ran=1">`;
    const choices = choicesOf(readSnippet(hostile) ?? {});
    expect([choices.id, choices.pageSize, choices.sort, choices.locale, choices.theme.accent, choices.filters.topic]).to.deep.equal([
      "",
      DEFAULT_CHOICES.pageSize,
      "newest",
      "",
      DEFAULT_CHOICES.theme.accent,
      ["a"],
    ]);
    expect((window as unknown as { ran?: number }).ran).to.equal(undefined);
    expect(readSnippet("<p>Hello</p><script>window.ran = 1</script>")).to.equal(null);
    expect(recordOf(DEFAULT_CHOICES)).to.deep.equal({});
  });

  it("reads a hand-picked gallery's ordered ids back, so writing it again gives the same snippet", () => {
    const choices = { ...DEFAULT_CHOICES, source: "picked" as const, assets: ["c-3", "a-1", "b-2"], q: "ignored beside assets" };
    const written = snippet(choices, "https://bff.example.com");
    expect(written).to.match(/<thron-gallery id="[\w-]+" assets="c-3,a-1,b-2"><\/thron-gallery>$/);
    const read = choicesOf(readSnippet(written) ?? {});
    expect([read.source, read.assets]).to.deep.equal(["picked", ["c-3", "a-1", "b-2"]]);
    expect(snippet(read, "https://bff.example.com")).to.equal(written);
    const hostile = choicesOf(readSnippet('<thron-gallery assets="a,<b>,a,c&quot;d"></thron-gallery>') ?? {});
    expect(hostile.assets).to.deep.equal(["a"]);
  });
});
