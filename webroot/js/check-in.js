// The entrance's phone page: check-ins go out through the offline queue (offline-queue.js), each
// with its Idempotency-Key, so a check-in sent twice (a retry, a second tab) counts once.
// Without this script the page still works, one form post per class.
(function () {
  'use strict';

  var form = document.getElementById('check-in-form');
  if (!form || !window.parcoursOfflineQueue) { return; }
  var list = document.getElementById('classes');
  var arrivals = window.parcoursOfflineQueue({ storeKey: 'parcours.check-ins:' + form.action, action: form.action,
    done: form.action + '?done=checked_in', status: document.getElementById('queue'), list: list,
    csrf: form.elements.csrf });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var entry = { key: form.elements.idempotency_key.value, code: form.elements.code.value.trim().toUpperCase(),
      pupils: form.elements.pupils.value, adults: form.elements.adults.value };
    if (!entry.code || !form.checkValidity()) { form.reportValidity(); return; }
    arrivals.add(entry);
    form.elements.idempotency_key.value = arrivals.newKey();
    form.elements.code.value = '';
    form.elements.pupils.value = '';
    form.elements.adults.value = '';
    form.elements.code.focus();
  });

  function choose(code) {
    var li = arrivals.item(code);
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
}());
