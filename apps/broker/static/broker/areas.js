// The area chooser (apps/broker/widgets.py) works without this script; it only keeps the
// "whole county" boxes and the counts in step while someone ticks.
(function () {
  "use strict";
  function update(county) {
    var options = county.querySelectorAll("[data-area-option]");
    var chosen = 0;
    options.forEach(function (box) { if (box.checked) { chosen += 1; } });
    var whole = county.querySelector("[data-area-whole]");
    if (whole) { whole.checked = options.length > 0 && chosen === options.length; }
    var count = county.querySelector("[data-area-count]");
    if (count) { count.textContent = count.textContent.replace(/^\d+/, String(chosen)); }
  }
  document.querySelectorAll("[data-area-chooser]").forEach(function (chooser) {
    chooser.querySelectorAll("[data-area-county]").forEach(function (county) {
      county.addEventListener("change", function (event) {
        if (event.target.hasAttribute("data-area-whole")) {
          county.querySelectorAll("[data-area-option]").forEach(function (box) {
            box.checked = event.target.checked;
          });
        }
        update(county);
      });
    });
  });
})();
