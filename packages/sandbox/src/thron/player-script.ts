/**
 * The THRON Player stand-in served at /shared/ce/bootstrap/1/scripts/embeds-min.js: the same
 * global (`THRONContentExperience`, also `THRONPlayer`), options, methods and events as the real
 * embed, rendering the content with the browser's native elements. It asks getContentDetail with
 * the pKey as `sessId`, so a wrong sessId is refused as THRON refuses it.
 * With `silent` it never reports `ready` nor `error` (a Player stuck on a content): no public
 * source shows the real Player's `error` event, so clients must not wait for one.
 */
export const playerScript = (options: { silent: boolean }) =>
  PLAYER_SCRIPT.replace("var SILENT = false;", `var SILENT = ${options.silent};`);

const PLAYER_SCRIPT = String.raw`(function () {
  "use strict";
  if (window.THRONContentExperience) return;
  var SILENT = false;
  var script = document.currentScript;
  var base = script ? script.src.replace(/\/shared\/ce\/bootstrap\/1\/scripts\/embeds-min\.js.*$/, "") : "";
  var MEDIA_EVENTS = { canplay: "canPlay", play: "play", playing: "playing", pause: "pause", timeupdate: "timeupdate", ended: "complete" };

  function THRONContentExperience(elementId, options) {
    options = options || {};
    var host = typeof elementId === "string" ? document.getElementById(elementId) : elementId;
    if (!host) throw new Error("THRONContentExperience: no element with id " + elementId);
    var listeners = {};
    var media = null;
    var destroyed = false;
    var root = document.createElement("div");
    root.className = "th-player";
    root.style.cssText = "position:relative;width:100%;height:100%;display:flex;align-items:center;justify-content:center;background:#000;color:#fff";
    host.appendChild(root);

    function emit(name, data) {
      (listeners[name] || []).slice().forEach(function (fn) {
        try { fn(data); } catch (e) { setTimeout(function () { throw e; }); }
      });
    }
    var player = {
      on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); return player; },
      off: function (name, fn) {
        if (!fn) delete listeners[name];
        else listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; });
        return player;
      },
      play: function () { if (media && media.play) return media.play(); },
      pause: function () { if (media && media.pause) media.pause(); },
      destroy: function () {
        destroyed = true;
        if (media && media.pause) media.pause();
        root.remove();
        listeners = {};
      },
      getContentId: function () { return options.xcontentId; },
      element: function () { return root; }
    };

    var lang = String(options.language || "EN").toUpperCase();
    var url = base + "/api/xcontents/resources/delivery/getContentDetail?clientId=" + encodeURIComponent(options.clientId || "") +
      "&xcontentId=" + encodeURIComponent(options.xcontentId || "") + "&pkey=" + encodeURIComponent(options.sessId || "") +
      "&locale=" + encodeURIComponent(lang);
    setTimeout(function () { emit("beforeInit", { xcontentId: options.xcontentId }); });
    fetch(url).then(function (r) { return r.json().then(function (body) { return { ok: r.ok && body.resultCode === "OK", body: body }; }); })
      .then(function (result) {
        if (destroyed || SILENT) return;
        if (!result.ok) {
          root.textContent = "This content is not available.";
          root.setAttribute("role", "alert");
          emit("error", { code: result.body.resultCode || "ERROR" });
          return;
        }
        render(result.body.content);
        emit("ready", { xcontentId: options.xcontentId });
        if (options.autoplay && media && media.play) media.play().catch(function () {});
      })
      .catch(function () {
        if (destroyed || SILENT) return;
        root.textContent = "The player could not load the content.";
        emit("error", { code: "NETWORK" });
      });

    // Channel names carry suffixes (WEBHD, WEBFULLHD): the first entry with a URL whose name starts as asked.
    function channel(content, names) {
      var infos = (content.deliveryInfo || []).filter(function (d) { return d.contentUrl; });
      for (var i = 0; i < names.length; i++) {
        for (var j = 0; j < infos.length; j++) if (infos[j].channelType.indexOf(names[i]) === 0) return infos[j].contentUrl;
      }
      return infos[0] && infos[0].contentUrl;
    }
    function title(content) {
      var locales = content.locales || [];
      for (var i = 0; i < locales.length; i++) if (locales[i].locale === lang) return locales[i].name;
      return locales[0] ? locales[0].name : "";
    }
    function render(content) {
      var type = content.contentType;
      if (type === "VIDEO" || type === "AUDIO") {
        media = document.createElement(type === "VIDEO" ? "video" : "audio");
        media.controls = !options.noSkin;
        media.setAttribute("playsinline", "");
        media.preload = "metadata";
        media.src = channel(content, type === "VIDEO" ? ["WEBHD", "WEB"] : ["WEB"]);
        media.setAttribute("aria-label", title(content));
        media.style.cssText = "width:100%;height:100%;object-fit:contain";
        (content.subtitlesUrls || []).forEach(function (s) {
          var track = document.createElement("track");
          track.kind = "subtitles";
          track.srclang = String(s.locale).toLowerCase();
          track.label = s.locale;
          track.src = s.url;
          media.appendChild(track);
        });
        Object.keys(MEDIA_EVENTS).forEach(function (name) {
          media.addEventListener(name, function () {
            emit(MEDIA_EVENTS[name], { currentTime: media.currentTime, duration: media.duration });
          });
        });
      } else if (type === "IMAGE") {
        media = document.createElement("img");
        media.src = channel(content, ["WEBHD"]);
        media.alt = title(content);
        media.style.cssText = "width:100%;height:100%;object-fit:contain";
      } else {
        media = document.createElement("a");
        media.href = channel(content, ["WEB", "WEBDOC"]);
        media.target = "_blank";
        media.rel = "noopener";
        media.textContent = title(content) || "Open document";
        media.style.color = "inherit";
      }
      root.appendChild(media);
    }
    return player;
  }
  window.THRONContentExperience = THRONContentExperience;
  window.THRONPlayer = window.THRONPlayer || THRONContentExperience;
})();
`;
