// Refreshes an import run's progress bar from the page's JSON handler; reloads the page when the run is done.
// Without JavaScript a reload shows the same state (it is in the database).
(() => {
    const bar = document.getElementById("run-progress");
    const text = document.getElementById("run-progress-text");
    if (!bar || !bar.dataset.progressUrl) return;
    const refresh = async () => {
        try {
            const answer = await fetch(bar.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (!answer.ok) return;
            const run = await answer.json();
            if (!run.inProgress) {
                location.reload();
                return;
            }
            bar.max = run.steps;
            bar.value = run.step;
            if (text) text.textContent = run.text;
        } catch {
            // A failed poll is tried again.
        }
        setTimeout(refresh, 1000);
    };
    setTimeout(refresh, 1000);
})();
