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

  // A refused form: bring the list of problems into view for keyboard and screen-reader users.
  var errors = document.getElementById('errors');
  if (errors) { errors.focus(); }
})();
