// Draws each start-page chart from its own table (figure.chart > table.chart-data), with chart.js from wwwroot/lib.
// The table stays in the page, hidden from the eye only, so screen readers read the same numbers; without
// JavaScript the table is what shows.
(() => {
    if (typeof Chart === "undefined") return;
    const style = getComputedStyle(document.documentElement);
    const colour = style.getPropertyValue("--brand").trim() || "#0b5563";
    const ink = style.getPropertyValue("--ink").trim() || "#1b1f24";
    const line = style.getPropertyValue("--line").trim() || "#cfd6de";
    for (const figure of document.querySelectorAll("figure.chart")) {
        const table = figure.querySelector("table.chart-data");
        if (!table) continue;
        const rows = [...table.tBodies[0].rows];
        const labels = rows.map(r => r.cells[0].textContent.trim());
        const values = rows.map(r => Number(r.cells[1].dataset.value));
        const canvas = document.createElement("canvas");
        // The table beside it says the same to assistive technology.
        canvas.setAttribute("aria-hidden", "true");
        const box = document.createElement("div");
        box.className = "chart-canvas";
        box.append(canvas);
        figure.insertBefore(box, table);
        table.classList.add("visually-hidden");
        new Chart(canvas, {
            type: "bar",
            data: { labels, datasets: [{ data: values, backgroundColor: colour }] },
            options: {
                indexAxis: "y",
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: false }, tooltip: { enabled: true } },
                scales: {
                    x: { beginAtZero: true, ticks: { precision: 0, color: ink }, grid: { color: line } },
                    y: { ticks: { color: ink }, grid: { display: false } },
                },
            },
        });
    }
})();
