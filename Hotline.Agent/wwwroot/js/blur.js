// 打码 on the order page: the supervisor drags rectangles over the image; each is kept in fractions of the image's
// shown size, which is what the API takes (docs/attachments.md). Answers JSON text (nothing for the trimmed console to
// deserialise by reflection).
const editors = new WeakMap();

export function start(frame) {
    const state = { boxes: [] };
    editors.set(frame, state);
    let drawing = null;
    const point = (e) => {
        const r = frame.getBoundingClientRect();
        return { x: Math.min(Math.max((e.clientX - r.left) / r.width, 0), 1), y: Math.min(Math.max((e.clientY - r.top) / r.height, 0), 1) };
    };
    const place = (box) => {
        const x = Math.min(box.x0, box.x1), y = Math.min(box.y0, box.y1);
        Object.assign(box.element.style, { left: x * 100 + "%", top: y * 100 + "%", width: Math.abs(box.x1 - box.x0) * 100 + "%", height: Math.abs(box.y1 - box.y0) * 100 + "%" });
    };
    frame.addEventListener("pointerdown", (e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        frame.setPointerCapture(e.pointerId);
        const p = point(e);
        const element = document.createElement("div");
        element.className = "blur-box";
        element.dataset.testid = "blur-box";
        frame.append(element);
        drawing = { x0: p.x, y0: p.y, x1: p.x, y1: p.y, element };
        place(drawing);
    });
    frame.addEventListener("pointermove", (e) => {
        if (!drawing) return;
        const p = point(e);
        drawing.x1 = p.x;
        drawing.y1 = p.y;
        place(drawing);
    });
    const finish = () => {
        if (!drawing) return;
        const box = drawing;
        drawing = null;
        // A click without a drag is no region.
        if (Math.abs(box.x1 - box.x0) < 0.005 || Math.abs(box.y1 - box.y0) < 0.005) { box.element.remove(); return; }
        state.boxes.push(box);
    };
    frame.addEventListener("pointerup", finish);
    frame.addEventListener("pointercancel", finish);
}

export function regions(frame) {
    const state = editors.get(frame);
    if (!state) return "[]";
    return JSON.stringify(state.boxes.map((b) => {
        const x = Math.min(b.x0, b.x1), y = Math.min(b.y0, b.y1);
        return { x, y, width: Math.min(Math.abs(b.x1 - b.x0), 1 - x), height: Math.min(Math.abs(b.y1 - b.y0), 1 - y) };
    }));
}

export function clear(frame) {
    const state = editors.get(frame);
    if (!state) return;
    for (const box of state.boxes) box.element.remove();
    state.boxes = [];
}
