// Live updates: the server says by server-sent events when rows changed; a paused page only counts them.
export function follow(onChange, onState) {
  let paused = false;
  let missed = 0;
  let lastVersion = -1;
  const source = new EventSource('/events');
  source.addEventListener('version', (event) => {
    const state = JSON.parse(event.data);
    if (state.version === lastVersion) return;
    lastVersion = state.version;
    if (paused) {
      missed++;
      onState({ paused, missed, connected: true });
    } else {
      onChange(state);
    }
  });
  source.onerror = () => onState({ paused, missed, connected: false });
  source.onopen = () => onState({ paused, missed, connected: true });
  return {
    toggle() {
      paused = !paused;
      const resumed = !paused && missed > 0;
      missed = 0;
      onState({ paused, missed, connected: source.readyState !== EventSource.CLOSED });
      return resumed;
    },
    get paused() { return paused; },
  };
}
