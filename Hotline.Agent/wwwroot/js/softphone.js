// The browser softphone (浏览器软电话): one Twilio.Device (Voice JavaScript SDK, vendored in lib/twilio-voice and loaded
// only for agents who answer in the browser), registered with the access token the API signs for the agent's client
// identity. Every state change goes to the Softphone service (.NET) as one of: connecting, ready, ringing, in-call,
// muted, offline, error. Nothing here throws into the page: failures are reported as "error" with Twilio's message.
const sdkUrl = 'lib/twilio-voice/twilio.min.js';

let dotnet = null;
let device = null;
let call = null;
let expectUntil = 0;
let sdk = null;

function report(state, detail) {
    if (dotnet) {
        dotnet.invokeMethodAsync('OnState', state, detail ?? null).catch(() => { /* the console is gone */ });
    }
}

function describe(error) {
    if (!error) {
        return null;
    }

    return error.code ? `${error.code} ${error.message || error.name || ''}`.trim() : (error.message || String(error));
}

function loadSdk() {
    if (window.Twilio && window.Twilio.Device) {
        return Promise.resolve();
    }

    sdk ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = sdkUrl;
        script.onload = () => resolve();
        script.onerror = () => {
            sdk = null;
            reject(new Error('无法加载软电话组件（' + sdkUrl + '）'));
        };
        document.head.appendChild(script);
    });
    return sdk;
}

function wire(incoming) {
    call = incoming;
    const ended = () => {
        if (call === incoming) {
            call = null;
            report(device && device.state === 'registered' ? 'ready' : 'offline');
        }
    };
    incoming.on('accept', () => report('in-call'));
    incoming.on('mute', muted => report(muted ? 'muted' : 'in-call'));
    incoming.on('disconnect', ended);
    incoming.on('cancel', ended);
    incoming.on('reject', ended);
    incoming.on('error', error => report('error', describe(error)));
}

// Starts (or restarts) the Device with a token; resolves once registering has begun (registering itself is reported).
export async function start(reference, token) {
    dotnet = reference;
    stop();
    report('connecting');
    try {
        await loadSdk();
        const created = new window.Twilio.Device(token, {
            codecPreferences: ['opus', 'pcmu'],
            closeProtection: '软电话通话中，离开页面将挂断通话。',
            tokenRefreshMs: 60000,
        });
        device = created;
        created.on('registering', () => report('connecting'));
        created.on('registered', () => report(call ? 'in-call' : 'ready'));
        created.on('unregistered', () => { if (device === created) { report('offline'); } });
        created.on('error', error => report('error', describe(error)));
        created.on('tokenWillExpire', async () => {
            try {
                created.updateToken(await dotnet.invokeMethodAsync('FreshTokenAsync'));
            } catch (error) {
                report('error', '软电话令牌未能更新：' + describe(error));
            }
        });
        created.on('incoming', incoming => {
            wire(incoming);
            if (Date.now() < expectUntil) {
                // The agent clicked 接听 (or 回拨) for this call: no second click.
                expectUntil = 0;
                incoming.accept();
            } else {
                report('ringing');
            }
        });
        created.register().catch(error => { if (device === created) { report('error', describe(error)); } });
    } catch (error) {
        report('error', describe(error));
    }
}

export function expect(seconds) {
    expectUntil = Date.now() + seconds * 1000;
    if (call && call.status() === 'pending') {
        expectUntil = 0;
        call.accept();
    }
}

export function accept() {
    if (call && call.status() === 'pending') {
        call.accept();
    }
}

export function reject() {
    if (call && call.status() === 'pending') {
        call.reject();
    }
}

export function toggleMute() {
    if (call && call.status() === 'open') {
        call.mute(!call.isMuted());
    }
}

export function stop() {
    expectUntil = 0;
    if (call) {
        try { call.disconnect(); } catch { /* already ended */ }
        call = null;
    }

    if (device) {
        const old = device;
        device = null;
        try { old.destroy(); } catch { /* already destroyed */ }
    }
}
