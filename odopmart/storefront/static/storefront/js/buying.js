/* Checkout: a pay button works once. The server already turns a second tap into the same
   order (the form's key); this only stops the second request being sent at all. */
(function () {
  "use strict";
  document.querySelectorAll("form button[data-once]").forEach(function (button) {
    var form = button.form;
    form.addEventListener("submit", function () {
      if (form.dataset.sent) { return; }
      form.dataset.sent = "1";
      // Disabled after this tick, so the click's own submission still carries the button.
      window.setTimeout(function () {
        button.disabled = true;
        if (button.dataset.busy) { button.textContent = button.dataset.busy; }
      }, 0);
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      delete form.dataset.sent;
      form.querySelectorAll("button[data-once]").forEach(function (b) { b.disabled = false; });
    });
  });
})();
