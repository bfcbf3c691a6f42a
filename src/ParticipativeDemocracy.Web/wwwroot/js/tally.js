// Live tally on a budget page: joins the process's group and rewrites the figures on each push.
// The page already shows the figures of its last render, so without this script nothing is lost.
const live = document.querySelector("[data-live-tally]");
if (live && window.signalR) {
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/processes").withAutomaticReconnect().build();
  connection.on("TallyChanged", (tally) => {
    live.querySelector("[data-turnout]").textContent = live.dataset.turnoutTemplate.replace("{0}", tally.voters);
    for (const project of tally.projects ?? []) {
      const cell = live.querySelector(`[data-votes-of="${project.code}"]`);
      if (cell) cell.textContent = project.votes;
    }
  });
  connection.start().then(() => connection.invoke("WatchProcess", live.dataset.liveTally)).catch(() => {});
}
