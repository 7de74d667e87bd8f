// Draws each country's GVC position against its participation from the observatory's open data. The page's table
// shows the same figures without this script.
(function () {
  'use strict';
  var canvas = document.getElementById('gvc-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var year = canvas.getAttribute('data-year');
  fetch('/api/v1/observatory/gvc?year=' + encodeURIComponent(year), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('the observatory answered ' + response.status);
      }
      return response.json();
    })
    .then(function (answer) {
      var points = answer.countries.map(function (c) {
        return { x: c.participation, y: c.position, country: c.country, exports: c.grossExports };
      });
      new Chart(canvas, {
        type: 'scatter',
        data: { datasets: [{ label: 'Countries, ' + answer.year, data: points, pointRadius: 5,
          backgroundColor: '#0b3d91' }] },
        options: {
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: function (item) {
              var p = item.raw;
              return p.country + ': participation ' + p.x.toFixed(3) + ', position ' + p.y.toFixed(3);
            } } }
          },
          scales: {
            x: { title: { display: true, text: 'Participation (IV/E + FV/E)' } },
            y: { title: { display: true, text: 'Position: ln(1 + IV/E) − ln(1 + FV/E)' } }
          }
        }
      });
    })
    .catch(function (error) {
      canvas.replaceWith(document.createTextNode('The chart could not be drawn: ' + error.message));
    });
})();
