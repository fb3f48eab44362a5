// Follows a page that changes while it is read (the "now" page, the projector): every two seconds it asks for the
// page again with the ETag it has (If-None-Match), and the server answers 304 Not Modified, from its page cache,
// until something changed; then the part marked data-follow is replaced. Without JavaScript the page reads the same
// and is simply reloaded by hand.
(function () {
  "use strict";
  var region = document.querySelector("[data-follow]");
  if (!region || !window.fetch) return;
  var etag = null;
  var every = parseInt(region.getAttribute("data-follow"), 10) || 2000;
  function poll() {
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(window.location.href, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) return null;
        etag = response.headers.get("ETag") || etag;
        return response.text();
      })
      .then(function (html) {
        if (!html) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-follow]");
        if (fresh && fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML;
      })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, spread(every)); });
  }
  // Each reader waits between 80% and all of `every` (never longer: a change shows within it): hundreds of phones
  // that got their answers at the same moment (after a slow second of the server's) do not all ask again in the
  // same instant, and again after that.
  function spread(milliseconds) {
    return milliseconds * (0.8 + Math.random() / 5);
  }
  window.setTimeout(poll, spread(every));
})();
