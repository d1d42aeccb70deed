/**
 * Minifies the elements' Lit templates at build time; the JS minifier leaves template literals
 * alone, so their indentation and comments would ship. Every change keeps what the browser
 * renders and keeps line numbers (source maps stay right line by line):
 * - `html`/`svg`: whitespace runs collapse to their line breaks, or one space (the same under
 *   `white-space: normal` and `pre-line`); quoted attribute values and `<pre>`, `<textarea>`,
 *   `<style>`, `<script>` are left as written; comments go.
 * - `css`: Lightning CSS minifies it for the browsers the styles already need, lowering nothing
 *   (no prefixes added, `light-dark()`, `color-mix()` and logical properties kept as written).
 */
import { Features, transform } from "lightningcss";
import ts from "typescript";

/** Where the styles already work: `:has()` (Safari 15.4, Chrome 105, Firefox 121). */
const CSS_TARGETS = { chrome: 105 << 16, firefox: 121 << 16, safari: (15 << 16) | (4 << 8) };
const CSS_KEEP_AS_WRITTEN = Features.Colors | Features.VendorPrefixes | Features.LogicalProperties | Features.Nesting | Features.Selectors;
/** Elements whose content keeps its whitespace (or is not HTML). */
const RAW_TEXT = new Set(["pre", "textarea", "style", "script"]);

const newlines = (text: string) => text.replace(/[^\n]/g, "");
/** A whitespace run as the browser sees it: its line breaks (one line = one space), or a space. */
const collapse = (run: string) => newlines(run) || " ";

/**
 * The literal parts of one `html` template (the text between its `${…}`), minified together
 * because a tag or attribute can span an expression.
 */
export function minifyHtmlParts(parts: readonly string[]): string[] {
  let state: "text" | "tag" | "comment" | "raw" = "text";
  let quote = "";
  let tagName = "";
  let rawUntil = "";
  return parts.map((part) => {
    let out = "";
    let i = 0;
    while (i < part.length) {
      const rest = part.slice(i);
      const char = part[i] as string;
      if (state === "comment") {
        // A comment around an expression is kept as written, so the expression stays inside it.
        const end = rest.indexOf("-->");
        if (end === -1) return out + rest;
        out += rest.slice(0, end + 3);
        i += end + 3;
        state = "text";
      } else if (state === "raw") {
        const end = rest.toLowerCase().indexOf(rawUntil);
        if (end === -1) return out + rest;
        out += rest.slice(0, end);
        i += end;
        state = "text";
      } else if (quote) {
        out += char;
        i++;
        if (char === quote) quote = "";
      } else if (/\s/.test(char)) {
        const run = /^\s+/.exec(rest)?.[0] ?? char;
        // A line continuation (backslash, line break) is the template's own syntax: left alone.
        out += out.endsWith("\\") ? run : collapse(run);
        i += run.length;
      } else if (state === "text" && rest.startsWith("<!--")) {
        const end = rest.indexOf("-->");
        if (end === -1) state = "comment";
        else i += end + 3;
      } else if (state === "text" && /^<\/?[a-zA-Z]/.test(rest)) {
        tagName = /^<\/?([a-zA-Z][\w-]*)/.exec(rest)?.[1]?.toLowerCase() ?? "";
        const closing = rest[1] === "/";
        state = "tag";
        if (closing) tagName = "";
        out += char;
        i++;
      } else if (state === "tag" && (char === '"' || char === "'")) {
        quote = char;
        out += char;
        i++;
      } else if (state === "tag" && char === ">") {
        out += char;
        i++;
        if (RAW_TEXT.has(tagName)) {
          state = "raw";
          rawUntil = `</${tagName}`;
        } else state = "text";
      } else {
        out += char;
        i++;
      }
    }
    return out;
  });
}

/** A `css` template without expressions, minified; unchanged if Lightning CSS cannot read it. */
export function minifyCss(text: string): string {
  let code: string;
  try {
    code = transform({
      filename: "styles.css",
      code: Buffer.from(text),
      minify: true,
      targets: CSS_TARGETS,
      exclude: CSS_KEEP_AS_WRITTEN,
    }).code.toString();
  } catch {
    return text;
  }
  // Nothing that would end or escape the template literal.
  if (/[`\\]|\$\{/.test(code)) return text;
  return code + newlines(text);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The literal parts of a template: positions of the raw text between its backticks and `${…}`. */
function literalParts(template: ts.TemplateLiteral, source: ts.SourceFile): { start: number; end: number }[] {
  const spans = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  return spans.map((span) => {
    const start = span.getStart(source) + 1; // after ` or }
    const closing = span.kind === ts.SyntaxKind.TemplateHead || span.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1; // ${ or `
    return { start, end: span.getEnd() - closing };
  });
}

/** The module with its `html`, `svg` and `css` templates minified, or null when nothing changed. */
export function minifyTemplates(code: string, fileName = "module.ts"): string | null {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const parts = literalParts(node.template, source);
      const texts = parts.map((part) => code.slice(part.start, part.end));
      let minified: string[] | null = null;
      if (tag === "html" || tag === "svg") minified = minifyHtmlParts(texts);
      else if (tag === "css" && texts.length === 1 && !texts[0]?.includes("\\")) minified = [minifyCss(texts[0] ?? "")];
      minified?.forEach((text, index) => {
        const part = parts[index];
        if (part && text !== texts[index]) edits.push({ ...part, text });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return null;
  let result = "";
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + code.slice(at);
}
