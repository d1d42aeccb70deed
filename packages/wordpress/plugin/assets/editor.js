/**
 * The Embedkit blocks in the block editor: sidebar controls for each attribute and a preview
 * that is the real element, loaded from the configured BFF. The blocks save nothing but their
 * attributes (save returns null); the page is rendered on the server.
 * Plain ES2020 on WordPress's globals, so the plugin needs no build step. One block of `const`s
 * (functions included, as arrows) keeps every name here out of the page's globals.
 */
{
  const { registerBlockType } = wp.blocks;
  const { createElement: h, Fragment, useEffect, useState } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, TextControl, SelectControl, ToggleControl, RangeControl, Notice, Button, Spinner } = wp.components;
  const settings = window.embedkitEditor || {};
  const s = settings.strings || {};

  // The elements' bundle, once per editor page.
  let bundle;
  const loadBundle = () => {
    if (!bundle && settings.bundle) bundle = import(settings.bundle).catch(() => {});
  };

  /** The element's attributes from the block's: flags present or absent, empty values left out. */
  const elementProps = (attributes) => {
    const props = { bff: settings.bff, locale: settings.locale };
    for (const [name, value] of Object.entries(attributes)) {
      if (value === true) props[name] = "";
      else if (value !== false && value !== undefined && value !== null && value !== "" && typeof value !== "object")
        props[name] = String(value);
    }
    return props;
  };

  const Preview = ({ tag, attributes, children }) => {
    useEffect(loadBundle, []);
    if (!settings.bff) return h(Notice, { status: "warning", isDismissible: false }, s.noBff);
    // The key re-creates the element when an attribute changes: each element reads its attributes on connect.
    return h(tag, { ...elementProps(attributes), key: JSON.stringify(attributes) }, children);
  };

  const bffJson = async (path) => {
    const response = await fetch(settings.bff + path, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };

  /** The names of the galleries the BFF offers (GET /v1/thron/galleries): asked once per editor page, again after a failure. */
  let galleryNames;
  const loadGalleryNames = () => {
    if (!galleryNames)
      galleryNames = bffJson("/v1/thron/galleries").then(
        (list) => list.items.map((item) => item.name),
        (error) => {
          galleryNames = undefined;
          throw error;
        },
      );
    return galleryNames;
  };

  /**
   * The gallery, picked from the BFF's list; a text field with a notice when the BFF does not say
   * (down, older, or this site missing from its ALLOWED_ORIGINS).
   */
  const GalleryField = ({ value, onChange }) => {
    const [names, setNames] = useState(undefined); // undefined: asking; null: no list
    useEffect(() => {
      if (!settings.bff) {
        setNames(null);
        return;
      }
      let live = true;
      loadGalleryNames().then(
        (list) => live && setNames(list),
        () => live && setNames(null),
      );
      return () => {
        live = false;
      };
    }, []);
    if (names === undefined) return h(Spinner);
    if (names === null)
      return h(
        Fragment,
        null,
        h(Notice, { status: "warning", isDismissible: false, className: "embedkit-gallery-notice" }, s.galleryNoList),
        h(TextControl, { label: s.gallery, help: s.galleryHelp, value: value || "", onChange }),
      );
    const known = !value || names.includes(value);
    // A saved name the BFF no longer offers stays selected, and is said to be unknown.
    const choices = known ? names : [value, ...names];
    return h(SelectControl, {
      label: s.gallery,
      help: known ? s.galleryHelp : s.galleryMissing,
      value: value || names[0],
      options: choices.map((name) => ({ value: name, label: name })),
      onChange,
    });
  };

  const options = (...pairs) => pairs.map(([value, label]) => ({ value, label }));
  const playerControl = (attributes, setAttributes) =>
    h(SelectControl, {
      label: s.player,
      value: attributes.player || "",
      options: options(["", s.playerThron], ["native", s.playerNative]),
      onChange: (player) => setAttributes({ player }),
    });

  const galleryEdit = ({ attributes, setAttributes }) => {
    const filters = attributes.filters || {};
    const [definitions, setDefinitions] = useState([]);
    useEffect(() => {
      if (!settings.bff || !attributes.gallery) return;
      bffJson(`/v1/thron/galleries/${encodeURIComponent(attributes.gallery)}?locale=${encodeURIComponent(settings.locale)}`).then(
        (gallery) => setDefinitions(gallery.filters || []),
        () => setDefinitions([]),
      );
    }, [attributes.gallery]);
    const previewAttributes = { ...attributes, filters: undefined, filterBar: undefined };
    for (const [key, value] of Object.entries(filters)) if (value) previewAttributes[`filter-${key}`] = value;
    return h(
      "div",
      useBlockProps(),
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: s.settings },
          h(GalleryField, { value: attributes.gallery, onChange: (gallery) => setAttributes({ gallery }) }),
          h(SelectControl, {
            label: s.layout,
            value: attributes.layout || "grid",
            options: options(["grid", s.grid], ["carousel", s.carousel], ["viewer", s.viewer]),
            onChange: (layout) => setAttributes({ layout }),
          }),
          h(RangeControl, {
            label: s.pageSize,
            min: 1,
            max: 50,
            value: attributes["page-size"] || 24,
            onChange: (size) => setAttributes({ "page-size": size }),
          }),
          h(ToggleControl, { label: s.filterBar, checked: !!attributes.filterBar, onChange: (filterBar) => setAttributes({ filterBar }) }),
          playerControl(attributes, setAttributes),
        ),
        h(
          PanelBody,
          { title: s.preset },
          h(SelectControl, {
            label: s.type,
            value: attributes.type || "",
            options: options(["", s.any], ["image", s.image], ["video", s.video], ["audio", s.audio], ["document", s.document]),
            onChange: (type) => setAttributes({ type }),
          }),
          h(TextControl, { label: s.q, value: attributes.q || "", onChange: (q) => setAttributes({ q }) }),
          h(SelectControl, {
            label: s.sort,
            value: attributes.sort || "newest",
            options: options(["newest", s.newest], ["oldest", s.oldest], ["title", s.title]),
            onChange: (sort) => setAttributes({ sort }),
          }),
          h(TextControl, {
            label: s.assets,
            help: s.assetsHelp,
            value: attributes.assets || "",
            onChange: (assets) => setAttributes({ assets }),
          }),
          ...definitions.map((filter) =>
            h(SelectControl, {
              key: filter.key,
              label: filter.label,
              value: filters[filter.key] || "",
              options: [{ value: "", label: s.any }, ...filter.options.map((option) => ({ value: option.value, label: option.label }))],
              onChange: (value) => setAttributes({ filters: { ...filters, [filter.key]: value } }),
            }),
          ),
        ),
      ),
      attributes.filterBar
        ? h(Preview, { tag: "thron-filter-bar", attributes: { gallery: attributes.gallery, for: "embedkit-preview" } })
        : null,
      h(Preview, {
        tag: "thron-gallery",
        attributes: attributes.filterBar ? { ...previewAttributes, id: "embedkit-preview" } : previewAttributes,
      }),
    );
  };

  /** Searches the gallery's folder through the BFF and shows thumbnails to choose from. */
  const AssetPicker = ({ gallery, value, onPick }) => {
    const [q, setQ] = useState("");
    const [state, setState] = useState({ loading: false, items: [], failed: false });
    useEffect(() => {
      if (!settings.bff || !gallery) return;
      let live = true;
      setState((previous) => ({ ...previous, loading: true }));
      const timer = setTimeout(() => {
        const query = new URLSearchParams({ q, limit: "12", locale: settings.locale });
        bffJson(`/v1/thron/galleries/${encodeURIComponent(gallery)}/assets?${query}`).then(
          (page) => live && setState({ loading: false, items: page.items, failed: false }),
          () => live && setState({ loading: false, items: [], failed: true }),
        );
      }, 300);
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, [gallery, q]);
    return h(
      Fragment,
      null,
      h(TextControl, { label: s.search, value: q, onChange: setQ, type: "search" }),
      state.loading ? h(Spinner) : null,
      state.failed ? h(Notice, { status: "error", isDismissible: false }, s.searchFailed) : null,
      !state.loading && !state.failed && state.items.length === 0 ? h("p", null, s.noResults) : null,
      h(
        "ul",
        {
          className: "embedkit-asset-picker",
          style: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "8px", listStyle: "none", padding: 0 },
        },
        state.items.map((asset) =>
          h(
            "li",
            { key: asset.id },
            h(
              Button,
              {
                onClick: () => onPick(asset.id),
                isPressed: asset.id === value,
                style: { display: "block", height: "auto", width: "100%", padding: "4px", textAlign: "start" },
              },
              h("img", { src: asset.thumbnail.url, alt: "", style: { width: "100%", aspectRatio: "16 / 9", objectFit: "cover" } }),
              h("span", { style: { display: "block", fontSize: "12px" } }, asset.title),
            ),
          ),
        ),
      ),
    );
  };

  const assetEdit = ({ attributes, setAttributes }) => {
    return h(
      "div",
      useBlockProps(),
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: s.asset },
          h(GalleryField, { value: attributes.gallery, onChange: (gallery) => setAttributes({ gallery }) }),
          h(AssetPicker, { gallery: attributes.gallery, value: attributes.asset, onPick: (asset) => setAttributes({ asset }) }),
          h(ToggleControl, { label: s.caption, checked: !!attributes.caption, onChange: (caption) => setAttributes({ caption }) }),
          playerControl(attributes, setAttributes),
        ),
      ),
      attributes.asset ? h(Preview, { tag: "thron-asset", attributes }) : h(Notice, { status: "info", isDismissible: false }, s.pickAsset),
    );
  };

  const helplinesEdit = ({ attributes, setAttributes }) => {
    return h(
      "div",
      useBlockProps(),
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: s.settings },
          h(TextControl, {
            label: s.country,
            value: attributes.country || "",
            maxLength: 2,
            onChange: (country) => setAttributes({ country }),
          }),
          h(TextControl, { label: s.topic, value: attributes.topic || "", onChange: (topic) => setAttributes({ topic }) }),
          h(ToggleControl, { label: s.priority, checked: !!attributes.priority, onChange: (priority) => setAttributes({ priority }) }),
          h(RangeControl, { label: s.limit, min: 1, max: 50, value: attributes.limit || 5, onChange: (limit) => setAttributes({ limit }) }),
        ),
      ),
      h(Preview, { tag: "throughline-helplines", attributes }),
    );
  };

  const thunderEdit = ({ attributes, setAttributes }) => {
    const methods = ["plays", "edits", "gsis", "gsis-nonpro", "stats", "xos-message", "gsis-message", "pff-message"];
    const message = (attributes.method || "").endsWith("-message");
    const { label, ...rest } = attributes;
    return h(
      "div",
      useBlockProps(),
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: s.settings },
          h(SelectControl, {
            label: s.method,
            value: attributes.method || "plays",
            options: methods.map((value) => ({ value, label: value })),
            onChange: (method) => setAttributes({ method }),
          }),
          h(TextControl, { label: s.ids, value: attributes.ids || "", onChange: (ids) => setAttributes({ ids }) }),
          message
            ? h(SelectControl, {
                label: s.league,
                value: attributes.league || "",
                options: options(["", "—"], ["NFL", "NFL"], ["NCAA", "NCAA"], ["AAF", "AAF"], ["XFL", "XFL"], ["CFL", "CFL"]),
                onChange: (league) => setAttributes({ league }),
              })
            : null,
          message
            ? h(TextControl, { label: s.angles, value: attributes.angles || "", onChange: (angles) => setAttributes({ angles }) })
            : null,
          h(TextControl, { label: s.label, value: label || "", onChange: (value) => setAttributes({ label: value }) }),
          h(TextControl, {
            label: s.ticketUrl,
            help: s.ticketHelp,
            value: attributes["ticket-url"] || "",
            onChange: (url) => setAttributes({ "ticket-url": url }),
          }),
        ),
      ),
      h(Preview, { tag: "thunder-launch-button", attributes: rest }, label || "Thunder"),
    );
  };

  const edits = {
    "embedkit/thron-gallery": galleryEdit,
    "embedkit/thron-asset": assetEdit,
    "embedkit/throughline-helplines": helplinesEdit,
    "embedkit/thunder-launch-button": thunderEdit,
  };
  for (const [name, edit] of Object.entries(edits)) registerBlockType(name, { edit, save: () => null });
}
