// The signing key this browser holds for a user: an Ed25519 key made by Web Crypto as not extractable (not even this
// script can read the private key out), kept in IndexedDB with the id the market gave its public half. Used by the
// signing-keys page and the deal room.
(function () {
    "use strict";

    const STORE = "techmarket-signing-keys";

    function base64(bytes) {
        let text = "";
        new Uint8Array(bytes).forEach(function (b) { text += String.fromCharCode(b); });
        return btoa(text);
    }

    function csrfHeaders() {
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

    // The key kept for the user, or undefined.
    async function held(user) {
        const db = await database();
        return new Promise(function (resolve, reject) {
            const read = db.transaction("keys").objectStore("keys").get(user);
            read.onsuccess = function () { resolve(read.result); };
            read.onerror = function () { reject(read.error); };
        });
    }

    async function keep(user, value) {
        const db = await database();
        return new Promise(function (resolve, reject) {
            const tx = db.transaction("keys", "readwrite");
            tx.objectStore("keys").put(value, user);
            tx.oncomplete = function () { resolve(value); };
            tx.onerror = function () { reject(tx.error); };
        });
    }

    // A new key for the user: its public half registered with the market, the pair kept in place of any before.
    async function make(user) {
        const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
        const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
        const response = await fetch("/workspace/signing-keys", {
            method: "POST",
            headers: csrfHeaders(),
            credentials: "same-origin",
            body: "publicKey=" + encodeURIComponent(base64(raw))
        });
        if (!response.ok) {
            throw new Error("the market refused the key: " + response.status);
        }
        const registered = await response.json();
        return keep(user, { id: registered.id, privateKey: pair.privateKey });
    }

    // The detached signature (base64) over a contract hash, as the market verifies it (ADR 0050).
    async function signContract(key, contractHash) {
        const message = new TextEncoder().encode("techmarket-contract-v1:" + contractHash);
        return base64(await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, message));
    }

    window.techmarketKeys = { held: held, make: make, signContract: signContract };
})();
