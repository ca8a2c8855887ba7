// The staff's phone pages (check-in at the entrance, presence in a room) post through this queue:
// each entry waits on the phone until the network is there and goes out with its Idempotency-Key,
// so an entry sent twice (a retry, a second tab or phone) counts once. Entries go in order; the
// first network failure or server trouble stops the round, to try again later.
(function () {
  'use strict';

  if (!window.fetch || !window.localStorage) { return; }

  // options: storeKey, action (where entries are posted), done (where to go once all are sent),
  // status (the #queue notice), list (the classes, li[data-code]; may be absent), csrf (its input).
  window.parcoursOfflineQueue = function (options) {
    var status = options.status;
    var list = options.list;
    var sending = false;

    function queue() {
      try { return JSON.parse(localStorage.getItem(options.storeKey)) || []; } catch (e) { return []; }
    }

    function show(entries, refusal) {
      if (entries.length === 0 && !refusal) { status.hidden = true; return; }
      status.hidden = false;
      status.textContent = refusal ? status.dataset.refused + ' ' + refusal
        : status.dataset.queued + ' ' + entries.length;
    }

    function save(entries, refusal) {
      localStorage.setItem(options.storeKey, JSON.stringify(entries));
      show(entries, refusal);
    }

    function item(code) {
      return list ? list.querySelector('li[data-code="' + code + '"]') : null;
    }

    function body(entry) {
      var data = new URLSearchParams();
      data.set('csrf', options.csrf.value);
      data.set('idempotency_key', entry.key);
      data.set('code', entry.code);
      data.set('pupils', entry.pupils);
      data.set('adults', entry.adults);
      return data;
    }

    function sent(entry, response, answer) {
      var rest = queue().filter(function (e) { return e.key !== entry.key; });
      var li = item(entry.code);
      if (li) { li.classList.remove('queued'); }
      if (response.ok) {
        if (li) { li.classList.add('checked'); }
        save(rest);
      } else {
        save(rest, answer.errors && answer.errors[0] ? entry.code + ' : ' + answer.errors[0].message : entry.code);
      }
    }

    function flush() {
      var entries = queue();
      if (sending || entries.length === 0) { return; }
      sending = true;
      var entry = entries[0];
      fetch(options.action, { method: 'POST', credentials: 'same-origin', body: body(entry),
        headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (response.status >= 500 || response.status === 401 || response.status === 429) { throw new Error('later'); }
          return response.json().then(function (answer) { sent(entry, response, answer); });
        })
        .then(function () {
          sending = false;
          if (queue().length > 0) { flush(); } else if (status.hidden) { location.replace(options.done); }
        }, function () { sending = false; });
    }

    // entry: key (its Idempotency-Key), code, pupils, adults.
    function add(entry) {
      var entries = queue();
      entries.push(entry);
      save(entries);
      var li = item(entry.code);
      if (li) { li.classList.add('queued'); }
      flush();
    }

    function newKey() {
      if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
      return Date.now().toString(36) + Math.random().toString(36).slice(2);
    }

    window.addEventListener('online', flush);
    setInterval(flush, 5000);
    show(queue());
    queue().forEach(function (entry) { var li = item(entry.code); if (li) { li.classList.add('queued'); } });
    flush();
    return { add: add, newKey: newKey, item: item };
  };
}());
