// The dashboard's day section stays current: the server says when a fair's arrivals or places
// changed (server-sent events), and the page reads itself again and swaps the day's figures
// and the flows in place. Without this script the figures are those of page load.
(function () {
  'use strict';

  var day = document.getElementById('day');
  if (!day || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var pending = null;

  function swap(id, fresh) {
    var old = document.getElementById(id);
    var found = fresh.getElementById(id);
    if (!old || !found) { return; }
    // The organiser may be typing a cut-off: the forms keep what is typed.
    var typed = old.querySelector('#f-cutoff');
    old.replaceWith(found);
    if (typed && document.activeElement === typed) { found.querySelector('#f-cutoff').replaceWith(typed); typed.focus(); }
  }

  function reload() {
    pending = null;
    fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        swap('day-arrived', fresh);
        swap('day-places', fresh);
        swap('flows-section', fresh);
        var live = document.getElementById('day-live');
        if (live) { live.textContent = live.dataset.updated || ''; }
      }, function () { /* the next change tries again */ });
  }

  var events = new EventSource(day.dataset.events);
  events.addEventListener('day', function () {
    // A burst of check-ins reads the page once.
    if (pending === null) { pending = setTimeout(reload, 300); }
  });
}());
