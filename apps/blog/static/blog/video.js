// Privacy-friendly video: the player (and its cookies) is loaded from the video host only
// after the reader clicks "Play video". Without this file the plain link to the video works.
(function () {
  "use strict";

  var ALLOWED_PLAYERS = ["https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

  function isAllowed(src) {
    return ALLOWED_PLAYERS.some(function (prefix) {
      return src.indexOf(prefix) === 0;
    });
  }

  function loadPlayer(figure, placeholder, src) {
    var iframe = document.createElement("iframe");
    iframe.src = src;
    iframe.title = figure.getAttribute("data-video-title") || "";
    iframe.className = "video__frame";
    iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    iframe.allowFullscreen = true;
    // The site sends no referrer across origins; YouTube's player refuses to start without one.
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    placeholder.replaceWith(iframe);
    iframe.focus();
  }

  document.querySelectorAll("[data-video]").forEach(function (figure) {
    var src = figure.getAttribute("data-video-src") || "";
    var placeholder = figure.querySelector("[data-video-placeholder]");
    var button = figure.querySelector("[data-video-play]");
    if (!placeholder || !button || !isAllowed(src)) {
      return;
    }
    figure.querySelectorAll("[data-video-nojs]").forEach(function (note) {
      note.hidden = true;
    });
    button.hidden = false;
    button.addEventListener("click", function () {
      loadPlayer(figure, placeholder, src);
    });
  });

  // A link to a transcript opens it, so the reader lands on the text rather than a summary.
  document.querySelectorAll("[data-video-transcript-link]").forEach(function (link) {
    link.addEventListener("click", function () {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target && target.tagName === "DETAILS") {
        target.open = true;
      }
    });
  });
})();
