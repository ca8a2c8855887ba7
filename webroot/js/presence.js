// A room's phone page: marks go out through the offline queue (offline-queue.js), each with its
// Idempotency-Key, so a mark sent twice (a retry, a second phone's replay) counts once.
// Without this script the page still works, one form post per class.
(function () {
  'use strict';

  var list = document.getElementById('classes');
  var status = document.getElementById('queue');
  if (!list || !status || !window.parcoursOfflineQueue) { return; }
  var marks = window.parcoursOfflineQueue({ storeKey: 'parcours.presences:' + location.pathname,
    action: list.dataset.action, done: location.pathname + '?done=marked', status: status, list: list,
    csrf: document.getElementById('csrf') });

  list.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList.contains('presence-form')) { return; }
    event.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    marks.add({ key: form.elements.idempotency_key.value, code: form.elements.code.value,
      pupils: form.elements.pupils.value, adults: form.elements.adults.value });
    // The next mark of this class (a correction) is a request of its own.
    form.elements.idempotency_key.value = marks.newKey();
  });
}());
