// 快捷键: Alt+1 … Alt+9 open the knowledge results on screen (buttons marked data-kb-key), wherever the focus is,
// so an agent typing the demand opens an answer without leaving the keyboard; Alt+Shift+1 … Alt+Shift+9 insert the
// 常用语 (buttons marked data-phrase-key) at the caret of the demand text.
document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
    if (!digit) return;
    const target = document.querySelector(`[${event.shiftKey ? "data-phrase-key" : "data-kb-key"}="${digit[1]}"]`);
    if (target) {
        event.preventDefault();
        target.click();
    }
});

// Enter in a field marked data-enter-local acts on that field (the category search picks its first match) and does not
// submit the form around it.
document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target instanceof Element && event.target.hasAttribute("data-enter-local")) {
        event.preventDefault();
    }
});

// Moves the focus to a form field by id (the first field in error after a failed 登记).
window.hotlineFocus = (id) => document.getElementById(id)?.focus();

// In a textarea marked data-placeholders, Tab selects the next {占位符} left in the text so typing overwrites it;
// with none left, Tab moves on as usual. Ctrl+Enter in a form marked data-ctrl-enter submits it.
document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && el instanceof HTMLTextAreaElement && el.hasAttribute("data-placeholders")) {
        const match = /\{[^{}\n]{1,12}\}/.exec(el.value);
        if (match) {
            event.preventDefault();
            el.setSelectionRange(match.index, match.index + match[0].length);
        }
    }
    if (event.key === "Enter" && event.ctrlKey && el instanceof Element && el.closest("form[data-ctrl-enter]")) {
        event.preventDefault();
        el.closest("form").requestSubmit();
    }
});

// Inserts text at the caret of a field (replacing the selection) and tells Blazor, as typing would.
window.hotlineInsertAtCaret = (id, text) => {
    const el = document.getElementById(id);
    if (!el) return;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    el.setRangeText(text, start, end, "end");
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.focus();
};

// Alt+T: the focus to the order template picker.
document.addEventListener("keydown", (event) => {
    if (event.altKey && !event.ctrlKey && !event.shiftKey && event.code === "KeyT") {
        const picker = document.getElementById("order-template");
        if (picker) {
            event.preventDefault();
            picker.focus();
        }
    }
});
