// Draws a bar chart above each table that a canvas names in data-chart-for, from the table's own rows
// (data-label, data-value in minor units). The table shows the same figures without this script.
(function () {
  'use strict';
  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    if (typeof Chart === 'undefined') {
      return;
    }
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-label]'));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (row) { return row.getAttribute('data-label'); }),
        datasets: [{
          label: table.getAttribute('data-series'),
          data: rows.map(function (row) { return Number(row.getAttribute('data-value')) / 100; }),
          backgroundColor: '#0b3d91'
        }]
      },
      options: { animation: false, indexAxis: 'y', plugins: { legend: { display: false } } }
    });
  });
  // The listing form shows only the fields of the chosen mechanism; without this script it shows them all.
  document.querySelectorAll('select.work-mechanism').forEach(function (select) {
    var form = select.form;
    function show() {
      form.querySelectorAll('fieldset[data-mechanisms]').forEach(function (fieldset) {
        fieldset.hidden = fieldset.getAttribute('data-mechanisms').split(' ').indexOf(select.value) < 0;
      });
    }
    select.addEventListener('change', show);
    show();
  });
}());
