// Live jury room: the page is rendered by the server first; this keeps it current over SignalR.
// The server pushes the whole room after every change with a version; only newer snapshots are shown.
// Timers use the server's clock (offset measured on each push), so every screen shows the same time.
const root = document.querySelector("[data-jury-room]");
if (root && window.signalR) {
  const labels = JSON.parse(document.getElementById("jury-room-labels").textContent);
  const sessionId = root.dataset.juryRoom;
  const isFacilitator = root.dataset.facilitator === "true";
  const isMember = root.dataset.member === "true";
  const $ = (selector) => root.querySelector(selector);
  let state = null;
  let offset = Date.parse(root.dataset.serverNow) - Date.now();

  const clock = (ms) => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = String(total % 60).padStart(2, "0");
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
  };

  const item = (text, extra) => {
    const li = document.createElement("li");
    li.textContent = text;
    if (extra) li.append(" ", extra);
    return li;
  };

  const button = (text, onClick, secondary) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "govuk-button govuk-!-margin-bottom-0" + (secondary ? " govuk-button--secondary" : "");
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  };

  const showError = (error) => {
    const box = $("[data-room-error]");
    const message = (error && error.message) || String(error);
    box.textContent = message.replace(/^.*HubException: /, "");
    box.hidden = false;
  };

  const call = (method, ...args) => {
    $("[data-room-error]").hidden = true;
    return connection.invoke(method, sessionId, ...args).catch(showError);
  };

  const render = (room) => {
    if (state && room.version < state.version) return;
    state = room;
    offset = Date.parse(room.serverNow) - Date.now();
    root.dataset.version = room.version;
    $("[data-room-status]").textContent = labels[room.status] ?? room.status;
    const current = room.agenda.find((a) => a.isCurrent);
    $("[data-agenda-now]").textContent = current ? current.title : "–";
    $("[data-agenda]").replaceChildren(...room.agenda.map((a) => {
      const li = item(a.title);
      if (a.isCurrent) { li.setAttribute("aria-current", "step"); li.className = "govuk-!-font-weight-bold"; }
      return li;
    }));
    $("[data-speaker]").textContent = room.speaker ? room.speaker.name : labels.noSpeaker;
    $("[data-queue]").replaceChildren(...room.queue.map((q) => item(q.name,
      isFacilitator ? button(`${labels.giveFloor} ${q.name}`, () => call("GiveFloor", q.userId), true) : null)));
    $("[data-queue-empty]").hidden = room.queue.length > 0;
    $("[data-present]").replaceChildren(...room.present.map((p) => item(p.isFacilitator ? `${p.name} (${labels.facilitator})` : p.name)));
    renderPoll(room.poll);
    tick();
  };

  const renderPoll = (poll) => {
    const box = $("[data-poll]");
    if (!poll) { box.replaceChildren(Object.assign(document.createElement("p"), { className: "govuk-body", textContent: labels.noPoll })); return; }
    const question = Object.assign(document.createElement("p"), { className: "govuk-body", textContent: poll.question });
    const list = document.createElement("ul");
    list.className = "govuk-list";
    list.replaceChildren(...poll.options.map((o) => item(`${o.text}: ${o.votes}`,
      poll.isOpen && isMember ? button(`${labels.vote} ${o.text}`, () => connection.invoke("VotePoll", poll.id, o.index).catch(showError), true) : null)));
    box.replaceChildren(question, list, Object.assign(document.createElement("p"), { className: "govuk-body-s", textContent: `${labels.votes}: ${poll.votes}` }));
  };

  const tick = () => {
    if (!state) return;
    const now = Date.now() + offset;
    $("[data-session-clock]").textContent = state.startedAt && state.status === "Live" ? clock(now - Date.parse(state.startedAt)) : "–";
    const timer = $("[data-speaker-timer]");
    if (state.speaker) {
      const spoken = now - Date.parse(state.speaker.since);
      timer.textContent = clock(spoken);
      timer.classList.toggle("pd-over-time", spoken > state.speakerLimitSeconds * 1000);
      timer.title = spoken > state.speakerLimitSeconds * 1000 ? labels.overTime : "";
    } else {
      timer.textContent = "0:00";
      timer.classList.remove("pd-over-time");
    }
  };

  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/jury").withAutomaticReconnect().build();
  connection.on("RoomChanged", render);
  const join = () => connection.invoke("JoinRoom", sessionId).then(render);
  connection.onreconnected(() => { state = null; join().catch(showError); });
  connection.onclose(() => showError(labels.lost));
  connection.start().then(join).then(() => { root.dataset.live = "true"; }).catch(showError);
  setInterval(tick, 250);

  // The buttons are also plain form posts: while the hub is connected they act over it instead.
  const live = () => connection.state === signalR.HubConnectionState.Connected;
  $("[data-raise-hand]")?.addEventListener("click", (event) => { if (!live()) return; event.preventDefault(); call("RaiseHand"); });
  $("[data-lower-hand]")?.addEventListener("click", (event) => { if (!live()) return; event.preventDefault(); call("LowerHand"); });
  for (const control of root.querySelectorAll("[data-control]")) {
    control.addEventListener("click", (event) => {
      if (!live()) return;
      event.preventDefault();
      const action = control.dataset.control;
      if (action === "GiveFloor") return call("GiveFloor", null);
      if (action === "NextAgenda") {
        const index = state ? state.agenda.findIndex((a) => a.isCurrent) : -1;
        const next = state && state.agenda[index + 1];
        return next ? call("MoveAgenda", next.id) : undefined;
      }
      return call(action);
    });
  }
  $("[data-open-poll]")?.addEventListener("submit", (event) => {
    if (!live()) return;
    event.preventDefault();
    const form = event.target;
    const options = form.querySelector("#poll-options").value.split(",").map((o) => o.trim()).filter((o) => o.length > 0);
    call("OpenPoll", form.querySelector("#poll-question").value, options).then(() => form.reset());
  });
}
