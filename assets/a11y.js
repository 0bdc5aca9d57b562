/* Accessibility repairs to third-party components' markup, applied as they render (the CSP
   allows no inline script, so this is an asset). Each repair is idempotent.
   1. dcc.Dropdown (Dash 4) takes Tab on a hidden, read-only <input aria-hidden="true"> that
      passes focus on to its button: a focusable element inside aria-hidden (WCAG 4.1.2). The
      button itself (named by the selected value, aria-haspopup="listbox") becomes the tab
      stop and the proxy leaves the tab order; the button's own blur handler puts the proxy
      back each time, so the repair watches tabindex too.
   2. dcc.Upload's file <input> has no name: it takes the drop zone's visible words. */
(function () {
  "use strict";

  function repairDropdowns(root) {
    root.querySelectorAll(".dash-dropdown-focus-target").forEach(function (proxy) {
      if (proxy.tabIndex !== -1) {
        proxy.tabIndex = -1;
      }
      var button = proxy.nextElementSibling;
      if (button && button.matches("button.dash-dropdown") && !button.disabled &&
          button.tabIndex !== 0) {
        button.tabIndex = 0;
      }
    });
  }

  function repairUploads(root) {
    root.querySelectorAll("input[type=file]:not([aria-label])").forEach(function (input) {
      var zone = input.parentElement;
      var words = zone ? zone.textContent.trim() : "";
      if (words) {
        input.setAttribute("aria-label", words);
      }
    });
  }

  function repair() {
    repairDropdowns(document);
    repairUploads(document);
  }

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      Promise.resolve().then(function () {
        pending = false;
        repair();
      });
    }
  }

  function start() {
    repair();
    new MutationObserver(schedule).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["tabindex", "disabled"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
