// The supplier's description form: "Lägg till rad" and "Ta bort" for the lists of rows, without saving first.
// Without JavaScript the form still works: the server renders empty rows and more after each save. A row is a
// fieldset in .rows; new ones are cloned from the list's <template>, and after every change the rows are numbered
// 0, 1, 2… again (names Input.List[n].Field, ids xx-n-yy), so model binding sees no gaps.
(() => {
    const form = document.querySelector("form.description-form");
    if (!form) return;
    const addText = form.dataset.addRow || "+";
    const removeText = form.dataset.removeRow || "–";
    const rowLabel = form.dataset.rowLabel || "{0}";

    const renumber = (rows) => {
        [...rows.children].filter((r) => r.matches("fieldset.row")).forEach((row, n) => {
            row.querySelectorAll("[name]").forEach((e) => { e.name = e.name.replace(/^(Input\.\w+)\[[^\]]*\]/, `$1[${n}]`); });
            const id = (v) => v.replace(/^([a-z]+)-[^-]+-/, `$1-${n}-`);
            row.querySelectorAll("[id]").forEach((e) => { e.id = id(e.id); });
            row.querySelectorAll("label[for]").forEach((e) => { e.htmlFor = id(e.htmlFor); });
            row.querySelectorAll("[aria-describedby]").forEach((e) => {
                e.setAttribute("aria-describedby", e.getAttribute("aria-describedby").split(" ").map(id).join(" "));
            });
            const legend = row.querySelector("legend");
            if (legend) legend.textContent = rowLabel.replace("{0}", String(n + 1));
            const remove = row.querySelector("button.remove-row");
            if (remove) remove.setAttribute("aria-label", `${removeText}: ${legend ? legend.textContent : ""}`);
        });
    };

    const withRemove = (row, rows) => {
        if (row.querySelector("button.remove-row")) return;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "remove-row";
        button.textContent = removeText;
        button.addEventListener("click", () => {
            const next = row.nextElementSibling;
            row.remove();
            renumber(rows);
            const focus = (next && next.matches("fieldset.row") ? next : rows.parentElement).querySelector("input, select, button");
            if (focus) focus.focus();
        });
        row.append(button);
    };

    form.querySelectorAll(".rows[data-rows]").forEach((rows) => {
        const template = document.getElementById(`template-${rows.dataset.rows}`);
        if (!template) return;
        rows.querySelectorAll(":scope > fieldset.row").forEach((row) => withRemove(row, rows));
        const add = document.createElement("button");
        add.type = "button";
        add.className = "add-row";
        add.textContent = addText;
        add.addEventListener("click", () => {
            const row = template.content.firstElementChild.cloneNode(true);
            rows.append(row);
            withRemove(row, rows);
            renumber(rows);
            const first = row.querySelector("input, select");
            if (first) first.focus();
        });
        rows.after(add);
        renumber(rows);
    });
})();
