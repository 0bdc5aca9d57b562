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
    }
  }
});
