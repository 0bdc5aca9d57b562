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
    }
  }
});
