// Officers' roll list: rows of rolls still importing poll their progress until the import ends.
const statusLabels = document.querySelector("[data-testid=rolls]")?.dataset ?? {};

async function follow(row) {
  const url = row.dataset.rollUrl;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const roll = await response.json();
    for (const field of ["processedRows", "acceptedRows", "rejectedRows"]) {
      const cell = row.querySelector(`[data-roll-field=${field}]`);
      if (cell) cell.textContent = String(roll[field]);
    }
    if (roll.status !== "Importing") {
      const status = row.querySelector("[data-roll-field=status]");
      if (status) status.textContent = statusLabels[`status${roll.status}`] ?? roll.status;
      return;
    }
  }
}

document.querySelectorAll("tr[data-roll-url]").forEach((row) => follow(row));
