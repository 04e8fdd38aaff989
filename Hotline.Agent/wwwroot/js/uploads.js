// Uploads the files chosen in an <input type=file> one at a time with XMLHttpRequest: its upload events drive the
// progress bars (fetch reports no upload progress), and the browser streams the file from disk, so it is never copied
// into the WebAssembly heap. Each file is its own request, so the server's refusal (413, 415, 409) is that file's.
// Answers "status\nbody" (a plain string: nothing for the trimmed console to deserialise by reflection).
export function upload(input, index, url, token, listener) {
    return new Promise((resolve) => {
        const file = input.files[index];
        if (!file) { resolve("-1\n"); return; }
        const data = new FormData();
        data.append("file", file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", url);
        xhr.setRequestHeader("Authorization", "Bearer " + token);
        let last = -1;
        xhr.upload.addEventListener("progress", (e) => {
            if (!e.lengthComputable) return;
            const percent = Math.floor(e.loaded * 100 / e.total);
            if (percent !== last) { last = percent; listener.invokeMethodAsync("Progress", index, percent); }
        });
        xhr.addEventListener("load", () => resolve(xhr.status + "\n" + xhr.responseText));
        xhr.addEventListener("error", () => resolve("0\n"));
        xhr.addEventListener("abort", () => resolve("0\n"));
        xhr.send(data);
    });
}

export function clear(input) {
    input.value = "";
}
