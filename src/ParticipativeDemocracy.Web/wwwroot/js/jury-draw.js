// Live progress of a jury draw for officers: joins the jury's officer group and shows each line the
// engine reports; when the draw ends the page reloads to show the outcome. Without it the page still
// shows the state of its last render.
const live = document.querySelector("[data-live-draw]");
if (live && window.signalR) {
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/processes").withAutomaticReconnect().build();
  connection.on("DrawProgress", (update) => {
    live.querySelector("[data-draw-status]").textContent = update.status;
    live.querySelector("[data-draw-message]").textContent = update.message;
    if (update.finished) window.location.assign(window.location.pathname);
  });
  connection.start()
    .then(() => connection.invoke("WatchProcessAsOfficer", live.dataset.liveDraw))
    .then(() => fetch(`/api/juries/${live.dataset.liveDraw}/draw`, { credentials: "same-origin" }))
    .then((response) => response.ok ? response.json() : null)
    .then((draw) => { if (draw && draw.status !== live.dataset.drawInitial) window.location.assign(window.location.pathname); })
    .catch(() => {});
}
