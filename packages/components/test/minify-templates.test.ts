/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the modules under test are source text, `${…}` included */
/**
 * The build's template minifier (scripts/minify-templates.ts): what it removes, and what it must
 * leave as written because the browser would render it differently.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { minifyCss, minifyHtmlParts, minifyTemplates } from "../../../scripts/minify-templates.ts";

const lines = (text: string) => text.split("\n").length;

describe("html templates", () => {
  it("collapses indentation to its line breaks and runs of spaces to one, keeping every line", () => {
    const source =
      'const a = html`<div class="x">\n      <p>one    two</p>\n\n      <button\n        part="b"\n      >Go</button>\n    </div>`;';
    const out = minifyTemplates(source);
    assert.equal(out, 'const a = html`<div class="x">\n<p>one two</p>\n\n<button\npart="b"\n>Go</button>\n</div>`;');
    assert.equal(lines(out ?? ""), lines(source));
  });

  it("keeps quoted attribute values as written, even with > or spaces in them", () => {
    assert.deepEqual(minifyHtmlParts(["<img alt=\"a  >  b\"   title='x    y'>  text"]), ["<img alt=\"a  >  b\" title='x    y'> text"]);
  });

  it("keeps the content of pre, textarea, style and script", () => {
    const [out] = minifyHtmlParts(["<pre>  a\n    b  </pre>   <textarea>  x  </textarea>  <style> a  {  } </style>"]);
    assert.equal(out, "<pre>  a\n    b  </pre> <textarea>  x  </textarea> <style> a  {  } </style>");
  });

  it("carries a tag and a quoted value across an expression", () => {
    assert.deepEqual(minifyHtmlParts(['<a   title="one  ', '  two"   href=', ">  x  </a>"]), [
      '<a title="one  ',
      '  two" href=',
      "> x </a>",
    ]);
    assert.deepEqual(minifyHtmlParts(["<pre>  ", "  </pre>  <p>  ", "</p>"]), ["<pre>  ", "  </pre> <p> ", "</p>"]);
  });

  it("drops comments, but keeps one around an expression so the expression stays inside it", () => {
    assert.deepEqual(minifyHtmlParts(["<p>a<!-- note -->b</p>"]), ["<p>ab</p>"]);
    assert.deepEqual(minifyHtmlParts(["<p><!--  ", "  --> b  </p>"]), ["<p><!--  ", "  --> b </p>"]);
  });

  it("minifies nested templates and leaves other tags and plain strings alone", () => {
    const source = "html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`; sql`a\n   b`; `x\n   y`;";
    assert.equal(minifyTemplates(source), "html`<ul>\n${items.map((i) => html`<li>\n${i}\n</li>`)}\n</ul>`; sql`a\n   b`; `x\n   y`;");
  });

  it("leaves a line continuation of the template itself alone", () => {
    assert.deepEqual(minifyHtmlParts(["<p>a\\\n    b</p>"]), ["<p>a\\\n    b</p>"]);
  });

  it("changes nothing when there is nothing to minify", () => {
    assert.equal(minifyTemplates('const a = html`<p class="x">${b}</p>`;'), null);
  });
});

describe("css templates", () => {
  it("minifies, keeping the line count", () => {
    const css = "\n  :host {\n    display: block; /* why */\n    margin: 0.5rem 0 0;\n  }\n";
    const out = minifyCss(css);
    assert.equal(out.trimEnd(), ":host{margin:.5rem 0 0;display:block}");
    assert.equal(lines(out), lines(css));
  });

  it("lowers nothing the styles rely on: light-dark(), color-mix(), logical properties, :has(), no prefixes added", () => {
    const out = minifyCss(
      ".a{color:light-dark(#000,#fff);background:color-mix(in srgb,currentColor 10%,transparent);inset-inline-start:0;user-select:none}.b:has(span){display:none}",
    );
    assert.equal(
      out,
      ".a{color:light-dark(#000,#fff);background:color-mix(in srgb,currentColor 10%,transparent);user-select:none;inset-inline-start:0}.b:has(span){display:none}",
    );
  });

  it("keeps max-width media queries readable by browsers without range syntax", () => {
    assert.equal(minifyCss("@media (max-height: 30rem) { .d { height: 1.3em } }"), "@media (max-height:30rem){.d{height:1.3em}}");
  });

  it("leaves styles it cannot read, with expressions, or with escapes as written", () => {
    assert.equal(minifyCss(":::x {}\n.a { color: red; }"), ":::x {}\n.a { color: red; }");
    assert.equal(minifyTemplates("css`.a { color: ${x}; }`;"), null);
    assert.equal(minifyTemplates('css`.a::before { content: "\\2014"; }`;'), null);
  });
});
