// The sale page's own script: a Dutch clock ticks down in the browser from the rules the page shows (start price,
// step, interval, floor, start); the server's clock decides the price when a bidder accepts. Without JavaScript
// the page shows the price as it was when the page was drawn.
(function () {
  'use strict';

  function grouped(minor, currency) {
    var units = Math.floor(minor / 100);
    var cents = String(minor % 100);
    var text = String(units).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + (cents.length < 2 ? '0' + cents : cents);
    return currency === 'CNY' ? '¥' + text : currency + ' ' + text;
  }

  function priceAt(element, now) {
    var start = Number(element.getAttribute('data-start'));
    var step = Number(element.getAttribute('data-step'));
    var interval = Number(element.getAttribute('data-interval'));
    var floor = Number(element.getAttribute('data-floor'));
    var startsAt = Date.parse(element.getAttribute('data-starts-at'));
    var stopsAt = Date.parse(element.getAttribute('data-clock-end'));
    if (isNaN(startsAt) || interval <= 0 || now <= startsAt) {
      return start;
    }
    // the clock stops at the end, as the server's does
    var drops = Math.floor((Math.min(now, isNaN(stopsAt) ? now : stopsAt) - startsAt) / interval);
    return Math.max(floor, start - drops * step);
  }

  function tick() {
    var clocks = document.querySelectorAll('.dutch-price[data-start]');
    var now = Date.now();
    for (var i = 0; i < clocks.length; i++) {
      var element = clocks[i];
      element.textContent = grouped(priceAt(element, now), element.getAttribute('data-currency'));
    }
  }

  tick();
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);

  // Marks the live panel once the stream has delivered to it, so that a reader (or a test) can tell it is live.
  document.addEventListener('htmx:sseMessage', function () {
    var panel = document.getElementById('live-panel');
    if (panel) {
      panel.setAttribute('data-live', 'on');
    }
  });
})();
