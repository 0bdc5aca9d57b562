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
    checkUpload: function (contents, filename, maxBytes) {
      var noUpdate = window.dash_clientside.no_update;
      if (typeof contents !== "string") {
        return [noUpdate, noUpdate];
      }
      var comma = contents.indexOf(",");
      var bytes = Math.floor((contents.length - comma - 1) * 3 / 4);
      if (maxBytes && bytes > maxBytes) {
        var mb = function (n) { return (n / 1048576).toFixed(1); };
        var message = "The file " + filename + " is " + mb(bytes) + " MB, over the import " +
          "limit of " + mb(maxBytes) + " MB (IMPORT_MAX_MB): split it into smaller files.";
        return [null, message];
      }
      return [{contents: contents, filename: filename}, null];
    }
  }
});

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

