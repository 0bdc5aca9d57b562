/* Clientside helpers (served from assets/, so the CSP needs no inline script). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  dashboard: {
    /* Keep the validated filters in the address bar without reloading the page. The first
       sync after a page opens replaces its entry (the address only gains the defaults); each
       later filter change is a new history step, so Back undoes it inside the app. */
    syncUrl: function (filters) {
      if (!filters || typeof filters.search !== "string") {
        return window.dash_clientside.no_update;
      }
      var path = window.location.pathname;
      if (window.location.search !== filters.search) {
        var url = path + filters.search;
        if (window.dashboardSyncedPath === path) {
          window.history.pushState(window.history.state, "", url);
        } else {
          window.history.replaceState(window.history.state, "", url);
        }
      }
      window.dashboardSyncedPath = path;
      return filters.search;
    },
    toggleNavbar: function (n, isOpen) {
      return n ? !isOpen : isOpen;
    },
    /* Refuse an import file over IMPORT_MAX_MB before it is sent (the server checks again). */
    checkUpload: function (contents, filename, maxBytes, text) {
      var noUpdate = window.dash_clientside.no_update;
      if (typeof contents !== "string") {
        return [noUpdate, noUpdate];
      }
      var comma = contents.indexOf(",");
      var bytes = Math.floor((contents.length - comma - 1) * 3 / 4);
      if (maxBytes && bytes > maxBytes) {
        var locale = (text && text.locale) || "en-GB";
        var mb = function (n) {
          return (n / 1048576).toLocaleString(locale, {maximumFractionDigits: 1});
        };
        var message = ((text && text.message) ||
          "The file %(name)s is %(size)s MB, over the import limit of %(limit)s MB.")
          .replace("%(name)s", filename).replace("%(size)s", mb(bytes))
          .replace("%(limit)s", mb(maxBytes));
        return [null, message];
      }
      return [{contents: contents, filename: filename}, null];
    }
  }
});

/* The language switch's links are "?lang=xx"; on click, keep the page's own query (its
   filters) and only change the language, so a filtered view stays the same view. */
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.language-link[hreflang]") : null;
  if (!link) {
    return;
  }
  var url = new URL(window.location.href);
  url.searchParams.set("lang", link.getAttribute("hreflang"));
  link.setAttribute("href", url.pathname + url.search + url.hash);
}, true);
/* Printing: redraw each chart at the printed page's width (A4 less its margins, about 680 CSS
   px), and back to the screen's width afterwards. */
(function () {
  var PRINT_WIDTH = 680;
  function plots() {
    return Array.prototype.slice.call(document.querySelectorAll(".js-plotly-plot"));
  }
  window.addEventListener("beforeprint", function () {
    if (!window.Plotly) { return; }
    plots().forEach(function (plot) {
      window.Plotly.relayout(plot, {width: Math.min(PRINT_WIDTH, plot.offsetWidth || PRINT_WIDTH)});
    });
  });
  window.addEventListener("afterprint", function () {
    if (!window.Plotly) { return; }
    plots().forEach(function (plot) {
      window.Plotly.relayout(plot, {width: null, autosize: true});
    });
  });
})();

