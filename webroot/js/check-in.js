// The entrance's phone page: check-ins queue on the phone and go out when the network is there,
// each with its Idempotency-Key, so a check-in sent twice (a retry, a second tab) counts once.
// Without this script the page still works, one form post per class.
(function () {
  'use strict';

  var form = document.getElementById('check-in-form');
  if (!form || !window.fetch || !window.localStorage) { return; }
  var storeKey = 'parcours.check-ins:' + form.action;
  var status = document.getElementById('queue');
  var list = document.getElementById('classes');
  var sending = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || []; } catch (e) { return []; }
  }

  function save(entries) {
    localStorage.setItem(storeKey, JSON.stringify(entries));
    show(entries);
  }

  function show(entries, refusal) {
    if (entries.length === 0 && !refusal) { status.hidden = true; return; }
    status.hidden = false;
    status.textContent = refusal ? status.dataset.refused + ' ' + refusal
      : status.dataset.queued + ' ' + entries.length;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function item(code) {
    return list ? list.querySelector('li[data-code="' + code + '"]') : null;
  }

  function body(entry) {
    var data = new URLSearchParams();
    data.set('csrf', form.elements.csrf.value);
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
    fetch(form.action, { method: 'POST', credentials: 'same-origin', body: body(entry),
      headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status >= 500 || response.status === 401 || response.status === 429) { throw new Error('later'); }
        return response.json().then(function (answer) {
          save(queue().filter(function (e) { return e.key !== entry.key; }));
          var li = item(entry.code);
          if (response.ok) {
            if (li) { li.classList.remove('queued'); li.classList.add('checked'); }
          } else {
            if (li) { li.classList.remove('queued'); }
            show(queue(), answer.errors && answer.errors[0] ? entry.code + ' : ' + answer.errors[0].message : entry.code);
          }
        });
      })
      .then(function () {
        sending = false;
        if (queue().length > 0) { flush(); } else if (status.hidden) { location.replace(form.action + '?done=checked_in'); }
      }, function () { sending = false; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var entry = { key: form.elements.idempotency_key.value, code: form.elements.code.value.trim().toUpperCase(),
      pupils: form.elements.pupils.value, adults: form.elements.adults.value };
    if (!entry.code || !form.checkValidity()) { form.reportValidity(); return; }
    var entries = queue();
    entries.push(entry);
    save(entries);
    var li = item(entry.code);
    if (li) { li.classList.add('queued'); }
    form.elements.idempotency_key.value = newKey();
    form.elements.code.value = '';
    form.elements.pupils.value = '';
    form.elements.adults.value = '';
    form.elements.code.focus();
    flush();
  });

  function choose(code) {
    var li = item(code);
    form.elements.code.value = code;
    if (li) {
      form.elements.pupils.value = li.dataset.pupils;
      form.elements.adults.value = li.dataset.adults;
    }
    form.elements.pupils.focus();
  }

  // Choosing a class from the list fills the form in place: it works offline too.
  if (list) {
    list.addEventListener('click', function (event) {
      var link = event.target.closest('a.choose');
      if (!link) { return; }
      event.preventDefault();
      choose(link.closest('li').dataset.code);
      form.scrollIntoView();
    });
  }

  // The search filters the list as one types.
  var search = document.getElementById('f-search');
  if (search && list) {
    search.addEventListener('input', function () {
      var wanted = search.value.trim().toLowerCase();
      list.querySelectorAll('li').forEach(function (li) {
        li.hidden = wanted !== '' && li.dataset.search.indexOf(wanted) < 0;
      });
    });
  }

  // The camera reads a class's QR code where the browser can (BarcodeDetector).
  var scan = document.getElementById('scan');
  var video = document.getElementById('camera');
  if (scan && video && 'BarcodeDetector' in window && navigator.mediaDevices) {
    scan.hidden = false;
    scan.addEventListener('click', function () {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        var timer = setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (codes.length === 0) { return; }
            clearInterval(timer);
            stream.getTracks().forEach(function (track) { track.stop(); });
            video.hidden = true;
            choose(codeOf(codes[0].rawValue));
          });
        }, 250);
      });
    });
  }

  // A QR code holds the staff page's address with ?code=…; a plain code is taken as it is.
  function codeOf(text) {
    try { return new URL(text).searchParams.get('code') || text; } catch (e) { return text.trim(); }
  }

  window.addEventListener('online', flush);
  setInterval(flush, 5000);
  show(queue());
  queue().forEach(function (entry) { var li = item(entry.code); if (li) { li.classList.add('queued'); } });
  flush();
}());
