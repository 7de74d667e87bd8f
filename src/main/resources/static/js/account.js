// The account page's chart: the available balance after each of the latest entries, from the canvas's data- attributes.
(function () {
    "use strict";
    const canvas = document.getElementById("balance-chart");
    if (!canvas || typeof Chart === "undefined" || !canvas.dataset.times) {
        return;
    }
    const times = canvas.dataset.times.split(",");
    const balances = canvas.dataset.balances.split(",").map(Number);
    const labels = times.map(function (t) { return new Date(t).toLocaleString(document.documentElement.lang || undefined); });
    new Chart(canvas, {
        type: "line",
        data: { labels: labels, datasets: [{ label: canvas.dataset.label, data: balances, stepped: true, borderColor: "#1f4e8c" }] },
        options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
    canvas.dataset.points = String(balances.length);
})();
