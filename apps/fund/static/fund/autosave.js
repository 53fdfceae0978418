/* Autosave of a fund application draft: after a few seconds without typing, the form is
   posted in the background with its version. Every field that passes its checks is saved;
   a field with an error keeps what was typed and is marked with its message (as after a
   save without JavaScript), and the status line links to each such field. A conflict
   (someone else saved first) stops autosaving and tells the user to press Save, which shows
   both versions; nothing is lost. "Add row" copies an empty row here; without JavaScript
   the same button saves and returns with one more row. */
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

  function clearMarks() {
    Array.prototype.forEach.call(form.querySelectorAll(".ds-validation-message"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-describedby]"), function (el) {
      var ids = el.getAttribute("aria-describedby").split(" ").filter(function (id) {
        return id && !/_error$/.test(id);
      });
      if (ids.length) {
        el.setAttribute("aria-describedby", ids.join(" "));
      } else {
        el.removeAttribute("aria-describedby");
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (el) {
      el.removeAttribute("aria-invalid");
    });
  }

  function describe(el, id) {
    var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids.push(id);
    el.setAttribute("aria-describedby", ids.join(" "));
  }

  function markField(item) {
    var input = document.getElementById(item.id);
    var radio = false;
    if (!input) {
      input = document.getElementById(item.id + "_0");
      radio = true;
    }
    if (!input) {
      return;
    }
    var message = document.createElement("p");
    message.className = "ds-validation-message";
    message.setAttribute("data-field", "validation");
    message.id = item.id + "_error";
    message.textContent = item.messages.join(" ");
    if (radio) {
      var group = input.closest("fieldset");
      Array.prototype.forEach.call(group.querySelectorAll("input"), function (option) {
        option.setAttribute("aria-invalid", "true");
      });
      group.appendChild(message);
      describe(group, message.id);
    } else {
      input.setAttribute("aria-invalid", "true");
      input.parentNode.insertBefore(message, input.nextSibling);
      describe(input, message.id);
    }
  }

  function showErrors(body) {
    clearMarks();
    (body.fields || []).forEach(markField);
    var errors = body.errors || [];
    var summary = document.getElementById("error-summary");
    if (!errors.length) {
      // Everything typed is saved now: the summary and the note about kept input go.
      [summary, document.getElementById("form-alert")].forEach(function (el) {
        if (el) {
          el.parentNode.removeChild(el);
        }
      });
    } else if (summary) {
      // The summary lists what is wrong now, not what was wrong when the page was loaded.
      var list = summary.querySelector("ul");
      if (list) {
        list.textContent = "";
        errors.forEach(function (error) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.className = "ds-link";
          link.href = "#" + error.id;
          link.textContent = error.message;
          item.appendChild(link);
          list.appendChild(item);
        });
      }
    }
    if (!status) {
      return;
    }
    status.textContent = body.message || "";
    errors.forEach(function (error) {
      var link = document.createElement("a");
      link.className = "ds-link";
      link.href = "#" + error.id;
      link.textContent = error.message;
      status.appendChild(document.createTextNode(" "));
      status.appendChild(link);
    });
  }

  function addRow(prefix) {
    var template = document.getElementById(prefix + "-empty");
    var rows = document.getElementById(prefix + "-rows");
    var total = form.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    if (!template || !rows || !total) {
      return false;
    }
    var index = parseInt(total.value, 10) || 0;
    var html = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var row = holder.querySelector("fieldset");
    rows.appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("input, select, textarea");
    if (first) {
      first.focus();
    }
    return true;
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-add-row]"), function (button) {
    button.addEventListener("click", function (event) {
      if (addRow(button.getAttribute("data-add-row"))) {
        event.preventDefault();
      }
    });
  });

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
          showErrors(body);
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
