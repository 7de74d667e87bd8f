// The signing-keys page: marks the key this browser holds, and makes and registers a new one on request.
(function () {
    "use strict";

    const page = document.getElementById("keys-page");
    if (!page || !window.techmarketKeys) {
        return;
    }
    const user = page.dataset.user;

    window.techmarketKeys.held(user).then(function (key) {
        if (!key) {
            return;
        }
        const row = document.querySelector("tr.signing-key[data-key-id='" + CSS.escape(key.id) + "']");
        if (row) {
            row.querySelector(".this-browser").hidden = false;
        }
    }).catch(function () { /* no IndexedDB here: nothing to mark */ });

    const button = document.getElementById("make-key-button");
    button.addEventListener("click", async function () {
        button.disabled = true;
        try {
            await window.techmarketKeys.make(user);
            window.location.assign("/workspace/keys?made=true");
        } catch (e) {
            document.getElementById("make-key-unsupported").hidden = false;
            button.disabled = false;
        }
    });
})();
