// The search page's script: a search the market refuses (400, e.g. a quote not yet closed while typing) is swapped in
// like any other answer, so the reason shows in the results and the address bar follows the search. htmx leaves
// 4xx answers unswapped, and so without their history entry, unless told otherwise.
(function () {
  'use strict';

  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.closest('[data-swap-refusals]')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
