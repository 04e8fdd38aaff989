// Order lists (the unit inbox, 工单查询): saving an export, and a short two-tone chime when a new order arrives (新工单提示音).
export { saveFile } from "./kpis.js";

let context;

export function chime() {
    window.hotlineChimes = (window.hotlineChimes ?? 0) + 1;
    try {
        context ??= new AudioContext();
        if (context.state === "suspended") context.resume();
        const start = context.currentTime;
        [880, 1320].forEach((frequency, i) => {
            const oscillator = context.createOscillator();
            const gain = context.createGain();
            oscillator.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, start + i * 0.18);
            gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.18 + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
            oscillator.connect(gain).connect(context.destination);
            oscillator.start(start + i * 0.18);
            oscillator.stop(start + i * 0.18 + 0.17);
        });
    } catch {
        // No audio device or the browser refused: the toast still shows.
    }
}
