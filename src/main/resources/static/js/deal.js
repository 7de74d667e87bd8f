// The deal room: signs the contract hash with the Ed25519 key this browser keeps (signing-keys.js; the private key is
// never exported nor sent), and hashes delivered files with SHA-256 here (only names, sizes and hashes are sent).
(function () {
    "use strict";

    const room = document.getElementById("deal-room");
    if (!room) {
        return;
    }

    function hex(bytes) {
        return Array.from(new Uint8Array(bytes)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    }

    // This browser's key for the signed-in user (signing-keys.js), made and registered on first use.
    async function signingKey() {
        const user = room.dataset.user;
        return (await window.techmarketKeys.held(user)) || window.techmarketKeys.make(user);
    }

    const signButton = document.getElementById("sign-button");
    if (signButton) {
        signButton.addEventListener("click", async function () {
            signButton.disabled = true;
            try {
                const key = await signingKey();
                document.getElementById("sign-key-id").value = key.id;
                document.getElementById("sign-signature").value =
                    await window.techmarketKeys.signContract(key, room.dataset.contractHash);
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
