// The web market's script on every page: the CSRF header on htmx's requests, the user's time zone in a cookie, and
// a live countdown in every element with data-ends-at. No inline script anywhere (Content-Security-Policy).
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // htmx sends the CSRF token as a header on every request that changes something.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  // The server writes times in the user's zone from this cookie (Asia/Shanghai until it is set).
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (ignored) {
    // no Intl: the server's default zone stays
  }

  var chinese = (document.documentElement.lang || '').indexOf('zh') === 0;

  function two(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function remaining(ms) {
    var seconds = Math.floor(ms / 1000);
    var days = Math.floor(seconds / 86400);
    var clock = two(Math.floor(seconds % 86400 / 3600)) + ':' + two(Math.floor(seconds % 3600 / 60)) + ':' +
      two(seconds % 60);
    if (days === 0) {
      return clock;
    }
    return (chinese ? days + '天 ' : days + (days === 1 ? ' day ' : ' days ')) + clock;
  }

  // Every element with data-ends-at="<ISO instant>" shows the time left, re-read each second, so an element
  // replaced or changed by htmx or a live update (a soft-close extension) counts down from its new end at once.
  function tick() {
    var now = Date.now();
    var clocks = document.querySelectorAll('[data-ends-at]');
    for (var i = 0; i < clocks.length; i++) {
      var element = clocks[i];
      var end = Date.parse(element.getAttribute('data-ends-at'));
      if (isNaN(end)) {
        continue;
      }
      var left = end - now;
      element.classList.add('countdown');
      if (left <= 0) {
        element.textContent = element.getAttribute('data-ended-text') || (chinese ? '已结束' : 'Ended');
        element.classList.add('ended');
      } else {
        element.textContent = remaining(left);
        element.classList.remove('ended');
      }
    }
  }

  tick();
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);
})();
