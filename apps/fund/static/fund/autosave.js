/* Autosave of a fund application draft: after a few seconds without typing, the form is
   posted in the background with its version. A conflict (someone else saved first) stops
   autosaving and tells the user to press Save, which shows both versions; nothing is lost.
   Without JavaScript the Save button does the same. */
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute("data-autosave");
  var status = document.getElementById("autosave-status");
  var version = form.querySelector('input[name="app-version"]');
  var IDLE_MS = 3000;
  var timer = null;
  var saving = false;
  var dirty = false;
  var stopped = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function formatNok(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + " kr";
  }

  function showTotals(totals) {
    if (!totals) {
      return;
    }
    ["fund", "cofunding", "total"].forEach(function (key) {
      var cell = document.querySelector('[data-total="' + key + '"]');
      if (cell) {
        cell.textContent = formatNok(totals[key]);
      }
    });
    var share = document.querySelector('[data-total="cofunding_percent"]');
    if (share) {
      share.textContent = String(totals.cofunding_percent) + " %";
    }
  }

  function save() {
    if (stopped) {
      return;
    }
    if (saving) {
      dirty = true;
      return;
    }
    saving = true;
    dirty = false;
    var data = new FormData(form);
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1", Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .then(function (result) {
        var body = result.body || {};
        if (result.status === 200 && body.ok) {
          if (version) {
            version.value = body.version;
          }
          showTotals(body.totals);
          say(body.message);
        } else {
          say(body.message || "");
          if (result.status === 409 || result.status === 403) {
            stopped = true;
          }
        }
      })
      .catch(function () {
        say(form.getAttribute("data-offline") || "");
      })
      .then(function () {
        saving = false;
        if (dirty && !stopped) {
          schedule();
        }
      });
  }

  function schedule() {
    if (stopped) {
      return;
    }
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, IDLE_MS);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () {
    stopped = true;
    if (timer) {
      window.clearTimeout(timer);
    }
  });
})();
