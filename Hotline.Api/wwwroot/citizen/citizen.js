// The public form and the tracking page. Everything typed or received is shown with textContent, never as HTML.
(function () {
    "use strict";

    const $ = (id) => document.getElementById(id);
    const fields = { categoryCode: "category", "location.districtCode": "district", "location.streetCode": "street", "location.address": "address", content: "content", "citizen.name": "name", "citizen.phone": "phone", file: "files" };

    function show(element, text) {
        element.textContent = text;
        element.hidden = !text;
    }

    function chinaTime(value) {
        if (!value) return "—";
        return new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
    }

    async function problemText(response) {
        try {
            const problem = await response.json();
            return problem;
        } catch {
            return { title: "请求未能完成（" + response.status + "）" };
        }
    }

    // Copies server HTML (already sanitized there) through a whitelist of tags and link schemes, never as markup:
    // only these elements are rebuilt, and every text goes in as a text node.
    const allowedTags = new Set(["P", "BR", "UL", "OL", "LI", "STRONG", "EM", "B", "I", "CODE", "PRE", "BLOCKQUOTE", "MARK", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "A", "HR"]);
    function safeFragment(html) {
        const source = new DOMParser().parseFromString(html, "text/html").body;
        const fragment = document.createDocumentFragment();
        (function copy(from, to) {
            for (const node of from.childNodes) {
                if (node.nodeType === Node.TEXT_NODE) { to.append(document.createTextNode(node.textContent)); continue; }
                if (node.nodeType !== Node.ELEMENT_NODE) continue;
                if (!allowedTags.has(node.tagName)) { copy(node, to); continue; }
                const element = document.createElement(node.tagName.toLowerCase());
                if (node.tagName === "A") {
                    const href = node.getAttribute("href") || "";
                    if (/^(https?:|mailto:|tel:)/i.test(href)) { element.href = href; element.rel = "noopener noreferrer"; element.target = "_blank"; }
                }
                copy(node, element);
                to.append(element);
            }
        })(source, fragment);
        return fragment;
    }

    // 您的问题可能已有答案: public answers for what the citizen types, and the deflection when one answered them.
    function suggestions() {
        const box = $("suggestions"), list = $("suggestion-list"), article = $("suggestion-article");
        let timer = null, searchId = null, opened = null, reported = false, submitted = false, sequence = 0;

        async function search(text) {
            const mine = ++sequence;
            try {
                const response = await fetch("/api/public/knowledge/search?top=3&q=" + encodeURIComponent(text));
                if (!response.ok || mine !== sequence) return;
                const result = await response.json();
                searchId = result.searchId;
                list.replaceChildren();
                for (const item of result.items.slice(0, 3)) {
                    const button = document.createElement("button");
                    button.type = "button";
                    button.className = "suggestion";
                    const title = document.createElement("strong");
                    title.textContent = item.title;
                    const snippet = document.createElement("span");
                    snippet.append(safeFragment(item.snippet));
                    button.append(title, snippet);
                    button.addEventListener("click", () => open(item.id));
                    const li = document.createElement("li");
                    li.append(button);
                    list.append(li);
                }
                if (!result.items.length) { box.hidden = true; return; }
                article.hidden = true;
                box.hidden = false;
            } catch {
                // Suggestions are a help, never in the way: the form works without them.
            }
        }

        async function open(id) {
            try {
                const response = await fetch("/api/public/knowledge/articles/" + encodeURIComponent(id));
                if (!response.ok) return;
                const a = await response.json();
                opened = a.id;
                $("suggestion-title").textContent = a.title;
                $("suggestion-body").replaceChildren(safeFragment(a.bodyHtml));
                $("suggestion-valid").textContent = "更新于 " + chinaTime(a.updatedAt) + (a.validTo ? "，有效期至 " + chinaTime(a.validTo) : "");
                article.hidden = false;
                article.focus();
                fetch("/api/public/knowledge/articles/" + encodeURIComponent(id) + "/views", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ searchId: searchId }) }).catch(() => {});
            } catch {
                // As above: the form stays usable.
            }
        }

        function deflection() {
            return JSON.stringify({ searchId: searchId, articleId: opened });
        }

        $("content").addEventListener("input", () => {
            clearTimeout(timer);
            const text = $("content").value.trim().slice(0, 500);
            if (text.length < 4) { box.hidden = true; return; }
            timer = setTimeout(() => search(text), 600);
        });
        $("solved").addEventListener("click", async () => {
            if (!opened || reported) return;
            reported = true;
            try {
                await fetch("/api/public/knowledge/deflections", { method: "POST", headers: { "Content-Type": "application/json" }, body: deflection() });
            } catch {
                reported = false;
            }
            article.hidden = true;
            $("deflected").hidden = false;
        });
        $("not-solved").addEventListener("click", () => { article.hidden = true; opened = null; $("content").focus(); });
        // Leaving the page after reading an answer, without submitting, is a deflection (分流) too.
        window.addEventListener("pagehide", () => {
            if (opened && !reported && !submitted && searchId) {
                reported = true;
                // keepalive lets the request outlive the page (same origin: no preflight).
                fetch("/api/public/knowledge/deflections", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: deflection() }).catch(() => {});
            }
        });
        return { submitted: () => { submitted = true; box.hidden = true; } };
    }

    // Sends the submission with its files as multipart/form-data through XMLHttpRequest, whose upload events give the
    // progress bar (fetch has none); answers an object shaped like the fetch Response the form already handles.
    function sendWithFiles(payload, files, key, progress) {
        return new Promise((resolve, reject) => {
            const data = new FormData();
            // A text part: a Blob would go out with a filename, i.e. as a file, which the server takes only in "file".
            data.append("submission", payload);
            for (const file of files) data.append("file", file, file.name);
            const xhr = new XMLHttpRequest();
            xhr.open("POST", "/api/public/submissions/with-files");
            xhr.setRequestHeader("Idempotency-Key", key);
            xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) progress(Math.round(e.loaded * 100 / e.total)); });
            xhr.addEventListener("load", () => resolve({ status: xhr.status, json: async () => JSON.parse(xhr.responseText) }));
            xhr.addEventListener("error", () => reject(new Error("network")));
            xhr.addEventListener("abort", () => reject(new Error("abort")));
            xhr.send(data);
        });
    }

    function newKey() {
        return crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
    }

    async function form() {
        const form = $("submission");
        const category = $("category"), district = $("district"), street = $("street");
        let regions = [];
        let point = null;
        // One key per filled-in form: a retry after a lost answer returns the same order instead of a second one.
        let key = newKey();
        let pending = null; // the body last sent with this key whose outcome is unknown
        const suggested = suggestions();

        try {
            const response = await fetch("/api/public/catalogue");
            if (!response.ok) throw new Error(String(response.status));
            const catalogue = await response.json();
            for (const parent of catalogue.categories) {
                const group = document.createElement("optgroup");
                group.label = parent.name;
                for (const child of parent.children) group.append(new Option(child.name, child.code));
                category.append(group);
            }
            regions = catalogue.regions;
            for (const region of regions) district.append(new Option(region.name, region.code));
        } catch {
            show($("form-error"), "分类和区县目录加载失败，请刷新页面重试。");
        }

        district.addEventListener("change", () => {
            street.length = 1;
            const region = regions.find((r) => r.code === district.value);
            for (const s of region ? region.streets : []) street.append(new Option(s.name, s.code));
        });

        $("content").addEventListener("input", () => { $("count").textContent = String($("content").value.length); });
        $("files").addEventListener("change", () => {
            const list = $("file-list");
            list.replaceChildren();
            for (const file of $("files").files) {
                const li = document.createElement("li");
                li.textContent = file.name + "（" + (file.size / 1048576).toFixed(1) + " MB）";
                list.append(li);
            }
        });
        for (const id of Object.values(fields)) {
            $(id).addEventListener("change", () => show($(id + "-error"), ""));
            $(id).addEventListener("input", () => show($(id + "-error"), ""));
        }

        $("locate").addEventListener("click", () => {
            if (!navigator.geolocation) { $("point").textContent = "此浏览器不支持定位。"; return; }
            $("point").textContent = "正在定位…";
            navigator.geolocation.getCurrentPosition(
                (p) => { point = { latitude: p.coords.latitude, longitude: p.coords.longitude }; $("point").textContent = "已附上位置：" + point.latitude.toFixed(5) + ", " + point.longitude.toFixed(5); },
                () => { point = null; $("point").textContent = "未能获取位置，请填写详细地址。"; },
                { timeout: 10000 });
        });

        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            for (const id of Object.values(fields)) show($(id + "-error"), "");
            show($("form-error"), "");
            const missing = [["category", "请选择问题分类。"], ["district", "请选择所在区县。"], ["content", "请填写诉求内容。"]]
                .filter(([id]) => !$(id).value.trim());
            if (missing.length) {
                for (const [id, text] of missing) show($(id + "-error"), text);
                $(missing[0][0]).focus();
                return;
            }

            const body = {
                type: $("type").value,
                categoryCode: category.value,
                citizen: { name: $("name").value, phone: $("phone").value, confidential: $("confidential").checked },
                location: { districtCode: district.value, streetCode: street.value || null, address: $("address").value, latitude: point && point.latitude, longitude: point && point.longitude },
                content: $("content").value,
            };
            // A retry after an unknown outcome keeps the key only for the very same body (the server then answers
            // the first order); an edited body is a new submission with a new key.
            const payload = JSON.stringify(body);
            const files = Array.from($("files").files);
            const sent = payload + JSON.stringify(files.map((f) => [f.name, f.size, f.lastModified]));
            if (pending !== null && pending !== sent) key = newKey();
            pending = sent;
            const progress = $("upload-progress");
            const send = $("send");
            send.disabled = true;
            send.textContent = "正在提交…";
            try {
                let response;
                if (files.length) {
                    progress.value = 0;
                    progress.hidden = false;
                    send.textContent = "正在上传…";
                    response = await sendWithFiles(payload, files, key, (percent) => { progress.value = percent; send.textContent = "正在上传 " + percent + "%…"; });
                } else {
                    response = await fetch("/api/public/submissions", { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body: payload });
                }
                if (response.status === 202) {
                    const receipt = await response.json();
                    $("receipt-number").textContent = receipt.number;
                    $("receipt-code").textContent = receipt.trackingCode;
                    $("receipt-link").href = "track.html?code=" + encodeURIComponent(receipt.trackingCode);
                    suggested.submitted();
                    form.hidden = true;
                    $("receipt").hidden = false;
                    $("receipt").focus();
                    key = newKey();
                    pending = null;
                    return;
                }

                const problem = await problemText(response);
                if (response.status === 413 || response.status === 415 || (response.status === 409 && /附件/.test(problem.detail || ""))) {
                    // A file was refused (too large, not an allowed type, too many): nothing was registered.
                    pending = null;
                    show($("files-error"), (problem.detail || problem.title) + " 诉求尚未提交，请调整附件后重新提交。");
                    $("files").focus();
                } else if (response.status === 409) {
                    // The key already registered another body: an earlier attempt may have gone through.
                    key = newKey();
                    pending = null;
                    show($("form-error"), "您之前的提交可能已经登记成功（当时未能收到回执）。如需查询，请拨打 12345 热线；再次点击提交将作为一份新的诉求登记。");
                } else if (response.status === 429) {
                    show($("form-error"), problem.detail || "提交过于频繁，请稍后再试。");
                } else if (problem.errors) {
                    let first = null;
                    for (const [name, messages] of Object.entries(problem.errors)) {
                        const id = fields[name];
                        if (id) { show($(id + "-error"), messages.join(" ")); first = first || id; }
                        else show($("form-error"), messages.join(" "));
                    }
                    if (first) $(first).focus();
                } else {
                    show($("form-error"), problem.detail || problem.title || "提交未成功，请稍后重试。");
                }
            } catch {
                show($("form-error"), "网络异常，提交可能已经成功，也可能没有。请直接再次点击提交：内容不变时不会重复登记；如修改了内容，将作为一份新的诉求登记。");
            } finally {
                progress.hidden = true;
                send.disabled = false;
                send.textContent = "提交诉求";
            }
        });
    }

    function track() {
        const form = $("lookup"), input = $("code");

        async function lookup(code) {
            show($("lookup-error"), "");
            $("result").hidden = true;
            if (!code.trim()) { show($("lookup-error"), "请输入查询码。"); input.focus(); return; }
            try {
                const response = await fetch("/api/public/submissions/" + encodeURIComponent(code.trim()));
                if (!response.ok) {
                    const problem = await problemText(response);
                    show($("lookup-error"), response.status === 404 ? "未找到该查询码，请核对后重试。" : (problem.detail || problem.title));
                    return;
                }
                const t = await response.json();
                $("t-number").textContent = t.number;
                $("t-status-text").textContent = t.statusText;
                $("t-status-text").className = "badge status-" + t.status;
                $("t-category").textContent = t.categoryName;
                $("t-district").textContent = t.districtName;
                $("t-unit").textContent = t.handlingUnitName || (t.status === "Closed" ? "12345 市民服务热线" : "待分派");
                $("t-submitted").textContent = chinaTime(t.submittedAt);
                $("t-updated").textContent = chinaTime(t.updatedAt);
                $("t-closed").textContent = chinaTime(t.closedAt);
                $("t-answer").textContent = t.answer || "暂无答复，办理完成后将在此显示。";
                $("result").hidden = false;
            } catch {
                show($("lookup-error"), "网络异常，请稍后重试。");
            }
        }

        form.addEventListener("submit", (event) => { event.preventDefault(); lookup(input.value); });
        const initial = new URLSearchParams(location.search).get("code");
        if (initial) { input.value = initial; lookup(initial); }
    }

    window.addEventListener("DOMContentLoaded", () => {
        if (document.body.dataset.page === "form") form();
        if (document.body.dataset.page === "track") track();
    });
})();
