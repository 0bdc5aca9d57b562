/* Clientside helpers (served from assets/, so the CSP needs no inline script). */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  dashboard: {
    /* Keep the validated filters in the address bar without reloading the page. */
    syncUrl: function (filters) {
      if (!filters || typeof filters.search !== "string") {
        return window.dash_clientside.no_update;
      }
      if (window.location.search !== filters.search) {
        window.history.replaceState(window.history.state, "", window.location.pathname + filters.search);
      }
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
