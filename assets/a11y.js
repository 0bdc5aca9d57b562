/* Accessibility repairs to third-party components' markup, applied as they render (the CSP
   allows no inline script, so this is an asset). Each repair is idempotent.
   1. dcc.Dropdown (Dash 4) takes Tab on a hidden, read-only <input aria-hidden="true"> that
      passes focus on to its button: a focusable element inside aria-hidden (WCAG 4.1.2). The
      button itself (named by the selected value, aria-haspopup="listbox") becomes the tab
      stop and the proxy leaves the tab order; the button's own blur handler puts the proxy
      back each time, so the repair watches tabindex too.
      The button is named by its value alone: the field's <label> is put first in its name.
   2. dcc.Upload's file <input> has no name: it takes the drop zone's visible words.
   3. An open dropdown's popup (a dialog holding a listbox and a search box) has no name: all
      three take the field's label. (Not repaired: each option is a <label role="option">
      around a radio that takes the focus, which axe reports as nested-interactive while the
      list is open; changing the roles would change what the component's keys act on.) */
(function () {
  "use strict";

  function fieldLabel(button) {
    if (!button || !button.id) {
      return null;
    }
    return document.querySelector('label[for="' + CSS.escape(button.id) + '"]');
  }

  function setAttr(element, name, value) {
    if (element && element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function nameTrigger(button) {
    var label = fieldLabel(button);
    var named = button.getAttribute("aria-labelledby") || "";
    if (!label) {
      return;
    }
    if (!label.id) {
      label.id = button.id + "-label";
    }
    if (named.split(" ")[0] !== label.id) {
      button.setAttribute("aria-labelledby", (label.id + " " + named).trim());
    }
  }

  function repairPopups(root) {
    root.querySelectorAll(".dash-dropdown-content[role=dialog]").forEach(function (popup) {
      var trigger = popup.id &&
        document.querySelector('button[aria-controls="' + CSS.escape(popup.id) + '"]');
      var label = fieldLabel(trigger);
      var name = label ? label.textContent.trim() : "";
      if (name) {
        setAttr(popup, "aria-label", name);
        setAttr(popup.querySelector("[role=listbox]"), "aria-label", name);
        setAttr(popup.querySelector("input[type=search]"), "aria-label", name);
      }
    });
  }

  function repairDropdowns(root) {
    root.querySelectorAll("button.dash-dropdown[id]").forEach(nameTrigger);
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
    repairPopups(document);
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
