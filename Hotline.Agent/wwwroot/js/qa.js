// Plays a recording read with the bearer token (the API never hands out Twilio's link) in the page's <audio> element.
export function play(audio, bytes, contentType) {
    if (audio.dataset.url) {
        URL.revokeObjectURL(audio.dataset.url);
    }
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    audio.dataset.url = url;
    audio.src = url;
    return audio.play().catch(() => { /* autoplay refused: the controls are there */ });
}
