// The deal room: signs the contract hash with an Ed25519 key made and kept in this browser (the private key is
// never exported nor sent), and hashes delivered files with SHA-256 here (only names, sizes and hashes are sent).
(function () {
    "use strict";

    const room = document.getElementById("deal-room");
    if (!room) {
        return;
    }
    const STORE = "techmarket-signing-keys";

    function base64(bytes) {
        let text = "";
        new Uint8Array(bytes).forEach(function (b) { text += String.fromCharCode(b); });
        return btoa(text);
    }

    function hex(bytes) {
        return Array.from(new Uint8Array(bytes)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    }

    function csrf() {
        const token = document.querySelector("meta[name='_csrf']");
        const header = document.querySelector("meta[name='_csrf_header']");
        const headers = { "Content-Type": "application/x-www-form-urlencoded" };
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function database() {
        return new Promise(function (resolve, reject) {
            const open = indexedDB.open(STORE, 1);
            open.onupgradeneeded = function () { open.result.createObjectStore("keys"); };
            open.onsuccess = function () { resolve(open.result); };
            open.onerror = function () { reject(open.error); };
        });
    }

    function stored(db, name) {
        return new Promise(function (resolve, reject) {
            const read = db.transaction("keys").objectStore("keys").get(name);
            read.onsuccess = function () { resolve(read.result); };
            read.onerror = function () { reject(read.error); };
        });
    }

    function store(db, name, value) {
        return new Promise(function (resolve, reject) {
            const tx = db.transaction("keys", "readwrite");
            tx.objectStore("keys").put(value, name);
            tx.oncomplete = function () { resolve(value); };
            tx.onerror = function () { reject(tx.error); };
        });
    }

    // This browser's key for the signed-in user: made once, its public half registered with the market.
    async function signingKey() {
        const user = room.dataset.user;
        const db = await database();
        const known = await stored(db, user);
        if (known) {
            return known;
        }
        const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
        const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
        const response = await fetch("/workspace/signing-keys", {
            method: "POST",
            headers: csrf(),
            credentials: "same-origin",
            body: "publicKey=" + encodeURIComponent(base64(raw))
        });
        if (!response.ok) {
            throw new Error("the market refused the key: " + response.status);
        }
        const registered = await response.json();
        return store(db, user, { id: registered.id, privateKey: pair.privateKey });
    }

    const signButton = document.getElementById("sign-button");
    if (signButton) {
        signButton.addEventListener("click", async function () {
            signButton.disabled = true;
            try {
                const key = await signingKey();
                const message = new TextEncoder().encode("techmarket-contract-v1:" + room.dataset.contractHash);
                const signature = await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, message);
                document.getElementById("sign-key-id").value = key.id;
                document.getElementById("sign-signature").value = base64(signature);
                document.getElementById("sign-form").submit();
            } catch (e) {
                document.getElementById("sign-unsupported").hidden = false;
                signButton.disabled = false;
            }
        });
    }

    const files = document.getElementById("deliver-files");
    if (files) {
        files.addEventListener("change", async function () {
            const list = document.getElementById("deliver-list");
            const fields = document.getElementById("deliver-fields");
            const button = document.getElementById("deliver-button");
            list.replaceChildren();
            fields.replaceChildren();
            button.disabled = true;
            for (const file of files.files) {
                const digest = hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
                const description = file.name + " (" + file.size + " B)";
                const item = document.createElement("li");
                item.textContent = description + " — " + digest;
                item.className = "delivered-file";
                list.appendChild(item);
                [["sha256", digest], ["description", description]].forEach(function (pair) {
                    const input = document.createElement("input");
                    input.type = "hidden";
                    input.name = pair[0];
                    input.value = pair[1];
                    fields.appendChild(input);
                });
            }
            button.disabled = files.files.length === 0;
        });
    }
})();
