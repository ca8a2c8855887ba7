// Enhancements only: every page works without this script.
(function () {
  'use strict';

  // Print views: a button that opens the browser's print dialog.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  // Feed addresses: a button next to each copies it.
  document.querySelectorAll('input.feed-url').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
    if (!navigator.clipboard) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary copy-button';
    button.textContent = document.documentElement.lang === 'en' ? 'Copy' : 'Copier';
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = document.documentElement.lang === 'en' ? 'Copied' : 'Copié';
      });
    });
    input.insertAdjacentElement('afterend', button);
  });

  // Programme filters apply as soon as one changes.
  var filters = document.getElementById('filters');
  if (filters) {
    filters.addEventListener('change', function () { filters.submit(); });
  }

  // The stand page's period applies as soon as one is picked, as the programme's filters do.
  var period = document.getElementById('period-form');
  if (period) {
    period.addEventListener('change', function () { period.submit(); });
  }

  // Offer form: another availability row on demand (without script the page always draws a spare one).
  var windows = document.querySelector('fieldset.windows');
  if (windows) {
    var add = document.createElement('button');
    add.type = 'button';
    add.className = 'secondary';
    add.id = 'add-window';
    add.textContent = document.documentElement.lang === 'en' ? 'Add a time window' : 'Ajouter une plage horaire';
    add.addEventListener('click', function () {
      var rows = windows.querySelectorAll('.window');
      var row = rows[rows.length - 1].cloneNode(true);
      var number = rows.length + 1;
      row.id = 'window-' + number;
      row.classList.remove('invalid');
      row.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
      row.querySelectorAll('input, select, label').forEach(function (e) {
        ['id', 'for'].forEach(function (name) {
          if (e.hasAttribute(name)) { e.setAttribute(name, e.getAttribute(name).replace(/\d+$/, number)); }
        });
        if (e.tagName === 'LABEL') { e.textContent = e.textContent.replace(/\(\d+\)/, '(' + number + ')'); }
        if (e.type === 'time') { e.value = ''; e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); }
      });
      windows.insertBefore(row, add);
      row.querySelector('input[type=time]').focus();
    });
    windows.appendChild(add);
  }
  // Placement grid: "choose on the grid", then a free cell fills the offer's room and slot and sends its form.
  var picking = null;
  document.querySelectorAll('[data-pick]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      picking = picking === button ? null : button;
      document.querySelectorAll('[data-pick]').forEach(function (b) {
        b.setAttribute('aria-pressed', String(b === picking));
      });
      document.body.classList.toggle('picking', picking !== null);
      document.querySelectorAll('td[data-free]').forEach(function (cell) {
        if (picking) { cell.tabIndex = 0; } else { cell.removeAttribute('tabindex'); }
      });
    });
  });
  function place(cell) {
    if (!picking) { return; }
    var id = picking.getAttribute('data-pick');
    document.getElementById('room-' + id).value = cell.getAttribute('data-room');
    document.getElementById('slot-' + id).value = cell.getAttribute('data-slot');
    document.getElementById('place-' + id).submit();
  }
  document.querySelectorAll('td[data-free]').forEach(function (cell) {
    cell.addEventListener('click', function () { place(cell); });
    cell.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); place(cell); }
    });
  });

  // Places left, live: the server sends the fair's availability on connect (and again whenever a
  // change cannot be said otherwise), then only what changed: each entry's key and changed fields.
  var live = document.getElementById('live-places');
  if (live && window.EventSource) {
    var show = function (element, left, waitlist) {
      var text = left === 0 && element.getAttribute('data-full') ? element.getAttribute('data-full')
        : element.getAttribute('data-format').replace('{left}', left).replace('{waitlist}', waitlist);
      if (element.textContent === text) { return false; }
      element.textContent = text;
      var card = element.closest('a.card');
      if (card) { card.classList.toggle('full', left === 0); }
      return true;
    };
    // What the stream said last, by session id and track slug: a change fills in the fields it omits.
    var sessions = {}, tracks = {};
    var merge = function (known, key, entry) { known[key] = Object.assign(known[key] || {}, entry); return known[key]; };
    var apply = function (availability) {
      var changed = false;
      availability.sessions.forEach(function (entry) {
        var session = merge(sessions, entry.id, entry);
        document.querySelectorAll('[data-session-left="' + session.id + '"]').forEach(function (element) {
          changed = show(element, session.left, 0) || changed;
        });
      });
      availability.tracks.forEach(function (entry) {
        var track = merge(tracks, entry.slug, entry);
        document.querySelectorAll('[data-track="' + track.slug + '"][data-format]').forEach(function (element) {
          changed = show(element, track.left, track.waitlist) || changed;
        });
      });
      if (changed) { live.textContent = live.getAttribute('data-updated'); }
    };
    var source = new EventSource(live.getAttribute('data-events'));
    source.addEventListener('availability', function (event) {
      sessions = {};
      tracks = {};
      apply(JSON.parse(event.data));
    });
    source.addEventListener('changes', function (event) { apply(JSON.parse(event.data)); });
  }

  // A plan being solved: its best score so far, live; the page shows the proposal once it ends.
  var plan = document.getElementById('plan-score');
  if (plan && plan.getAttribute('data-events') && window.EventSource) {
    var planEvents = new EventSource(plan.getAttribute('data-events'));
    var seen = 0;
    planEvents.addEventListener('progress', function (event) {
      var progress = JSON.parse(event.data);
      // How many progress events the page has shown: a scripted check that the score is live.
      plan.setAttribute('data-seen', String(++seen));
      plan.textContent = plan.getAttribute('data-format').replace('{hard}', progress.score.hard)
        .replace('{demand}', progress.score.soft.demand).replace('{preferences}', progress.score.soft.preferences);
      if (progress.status !== 'solving') {
        planEvents.close();
        window.location.reload();
      }
    });
  }

  // A refused form: bring the list of problems into view for keyboard and screen-reader users.
  var errors = document.getElementById('errors');
  if (errors) { errors.focus(); }
})();
