// 快捷键: Alt+1 … Alt+9 open the knowledge results on screen (buttons marked data-kb-key), wherever the focus is,
// so an agent typing the demand opens an answer without leaving the keyboard.
document.addEventListener("keydown", (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
    if (!digit) return;
    const target = document.querySelector(`[data-kb-key="${digit[1]}"]`);
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
