// A room's phone page: marks queue on the phone and go out when the network is there, each with
// its Idempotency-Key, so a mark sent twice (a retry, a second phone's replay) counts once.
// Without this script the page still works, one form post per class.
(function () {
  'use strict';

  var list = document.getElementById('classes');
  var status = document.getElementById('queue');
  if (!list || !status || !window.fetch || !window.localStorage) { return; }
  var storeKey = 'parcours.presences:' + location.pathname;
  var sending = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || []; } catch (e) { return []; }
  }

  function save(entries, refusal) {
    localStorage.setItem(storeKey, JSON.stringify(entries));
    if (entries.length === 0 && !refusal) { status.hidden = true; return; }
    status.hidden = false;
    status.textContent = refusal ? status.dataset.refused + ' ' + refusal : status.dataset.queued + ' ' + entries.length;
  }

  function item(code) {
    return list.querySelector('li[data-code="' + code + '"]');
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function body(entry) {
    var data = new URLSearchParams();
    data.set('csrf', document.getElementById('csrf').value);
    data.set('idempotency_key', entry.key);
    data.set('code', entry.code);
    data.set('pupils', entry.pupils);
    data.set('adults', entry.adults);
    return data;
  }

  // Sends the queue in order; stops at the first network failure or server trouble, to try again later.
  function flush() {
    var entries = queue();
    if (sending || entries.length === 0) { return; }
    sending = true;
    var entry = entries[0];
    fetch(entry.action, { method: 'POST', credentials: 'same-origin', body: body(entry),
      headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status >= 500 || response.status === 401 || response.status === 429) { throw new Error('later'); }
        return response.json().then(function (answer) {
          var rest = queue().filter(function (e) { return e.key !== entry.key; });
          var li = item(entry.code);
          if (li) { li.classList.remove('queued'); }
          if (response.ok) {
            if (li) { li.classList.add('checked'); }
            save(rest);
          } else {
            save(rest, answer.errors && answer.errors[0] ? entry.code + ' : ' + answer.errors[0].message : entry.code);
          }
        });
      })
      .then(function () {
        sending = false;
        if (queue().length > 0) { flush(); } else if (status.hidden) { location.replace(location.pathname + '?done=marked'); }
      }, function () { sending = false; });
  }

  list.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList.contains('presence-form')) { return; }
    event.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    var entry = { key: form.elements.idempotency_key.value, action: form.action, code: form.elements.code.value,
      pupils: form.elements.pupils.value, adults: form.elements.adults.value };
    var entries = queue();
    entries.push(entry);
    save(entries);
    form.closest('li').classList.add('queued');
    // The next mark of this class (a correction) is a request of its own.
    form.elements.idempotency_key.value = newKey();
    flush();
  });

  window.addEventListener('online', flush);
  setInterval(flush, 5000);
  save(queue());
  queue().forEach(function (entry) { var li = item(entry.code); if (li) { li.classList.add('queued'); } });
  flush();
}());
